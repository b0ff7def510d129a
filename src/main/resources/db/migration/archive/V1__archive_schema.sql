-- REG-4: the lifelong archive's own lines, reported by the other modules' events (training, subsidy, enrolment,
-- recruitment); the registry's own history of a person (registered, employers, residences) stays in registry and is
-- asked of it. Stored as codes and values (kind, detail), never prose. Distribution key when one machine is
-- outgrown (Citus): person_id, which leads the primary key, and the archive page reads one person's lines.
create schema if not exists archive;

create table archive.line (
    person_id    bigint not null,                      -- registry's person id (no foreign key across schemas)
    id           bigint generated always as identity,
    occurred_on  date not null,
    kind         text not null check (kind in ('GRADE', 'ENROLMENT', 'TRAINING', 'SUBSIDY', 'PLACEMENT', 'VOUCHER',
                                               'APPLICATION')),
    detail       jsonb not null,
    source       text not null,                        -- the reporting module (or enterprise:<credit code>)
    created_at   timestamptz not null default now(),
    primary key (person_id, id)
);

create index line_person_idx on archive.line (person_id, occurred_on);

-- An upgraded database: the lines the other modules wrote into registry.person_event before this module existed,
-- handed over by registry's V16 (which has run: registry's migrations come first). A fresh install has none. The one
-- read of another module's schema in any migration (SchemaOwnershipTests names it).
do $$
begin
    if to_regclass('registry.archive_handover') is not null then
        insert into archive.line (person_id, occurred_on, kind, detail, source, created_at)
        select person_id, occurred_on, kind, detail, source, created_at from registry.archive_handover order by id;
    end if;
end
$$;
