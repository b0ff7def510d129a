-- X-4: the persons list shows its total at once, also for a province officer over 40 M persons, where count(*)
-- would read the whole table. Counts per pair of residence and hukou paths (a person is visible where either lies),
-- kept as deltas appended by statement-level triggers: writers never wait on a shared counter row, and a bulk merge
-- adds one row per pair it touched. A scheduled compaction folds the deltas (PersonCounts).
create table registry.person_count (
    residence_path text,
    hukou_path     text,
    persons        bigint not null
);

create index person_count_residence_idx on registry.person_count (residence_path text_pattern_ops);
create index person_count_hukou_idx on registry.person_count (hukou_path text_pattern_ops);

insert into registry.person_count (residence_path, hukou_path, persons)
select residence_path, hukou_path, count(*) from registry.person group by 1, 2;

create function registry.count_persons_added() returns trigger language plpgsql as $$
begin
    insert into registry.person_count (residence_path, hukou_path, persons)
    select residence_path, hukou_path, count(*) from added group by 1, 2;
    return null;
end
$$;

create function registry.count_persons_moved() returns trigger language plpgsql as $$
begin
    insert into registry.person_count (residence_path, hukou_path, persons)
    select residence_path, hukou_path, sum(delta) from (
        select o.residence_path, o.hukou_path, -1 as delta
        from moved_old o join moved_new n using (id)
        where (o.residence_path, o.hukou_path) is distinct from (n.residence_path, n.hukou_path)
        union all
        select n.residence_path, n.hukou_path, 1
        from moved_old o join moved_new n using (id)
        where (o.residence_path, o.hukou_path) is distinct from (n.residence_path, n.hukou_path)
    ) moves group by 1, 2;
    return null;
end
$$;

create function registry.count_persons_removed() returns trigger language plpgsql as $$
begin
    insert into registry.person_count (residence_path, hukou_path, persons)
    select residence_path, hukou_path, -count(*) from removed group by 1, 2;
    return null;
end
$$;

create trigger person_counted_added after insert on registry.person
    referencing new table as added for each statement execute function registry.count_persons_added();
create trigger person_counted_moved after update on registry.person
    referencing old table as moved_old new table as moved_new
    for each statement execute function registry.count_persons_moved();
create trigger person_counted_removed after delete on registry.person
    referencing old table as removed for each statement execute function registry.count_persons_removed();
