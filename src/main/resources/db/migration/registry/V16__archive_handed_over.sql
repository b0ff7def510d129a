-- REG-4, issue 17: the lifelong archive is a module of its own, with its own schema (archive). The lines other
-- modules wrote into this table (trainings, vouchers, grades, 学籍, subsidies, applications, placements) leave it for
-- registry.archive_handover, which the archive's V1 copies (it runs after this module's migrations: it depends on
-- registry). What stays is the registry's own history of a person, written by its triggers (V4).
create table registry.archive_handover as
    select id, person_id, occurred_on, kind, detail, source, created_at from registry.person_event
    where kind not in ('REGISTERED', 'EMPLOYER', 'RESIDENCE');

delete from registry.person_event where kind not in ('REGISTERED', 'EMPLOYER', 'RESIDENCE');

alter table registry.person_event drop constraint person_event_kind_check;
alter table registry.person_event add constraint person_event_kind_check
    check (kind in ('REGISTERED', 'EMPLOYER', 'RESIDENCE'));
