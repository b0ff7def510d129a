-- X-5 (issue 18): the counted records (one per certificate, registration, placement … counted: ≈ 10 M a year at
-- province scale) in 16 hash partitions of the source record, the key they would be distributed on
-- (docs/scaling.md): a record's re-count locks and replaces its row in one partition. The dashboards read the rollup
-- (actual_daily: facts × regions × days), never this table; a rebuild reads every partition once. An upgraded
-- database's records are moved over once, in this migration.
alter table targets.contribution rename to contribution_unpartitioned;

create table targets.contribution
    (like targets.contribution_unpartitioned including defaults including constraints)
    partition by hash (source_key);

do $$
begin
    for remainder in 0..15 loop
        execute format('create table targets.contribution_p%s partition of targets.contribution '
                       'for values with (modulus 16, remainder %s)', lpad(remainder::text, 2, '0'), remainder);
    end loop;
end
$$;

insert into targets.contribution select * from targets.contribution_unpartitioned;
drop table targets.contribution_unpartitioned;

alter table targets.contribution add primary key (fact, source_key);
