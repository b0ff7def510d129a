-- X-5 (issue 18): the archive's lines (≈ 70 M at province scale, growing every year) in 16 hash partitions of the
-- person, the key they would be distributed on (docs/scaling.md): a person's archive reads one partition's index,
-- and vacuum, reindex and a later split into more partitions (or onto Citus shards) work on a sixteenth at a time.
-- The dashboards never read this table. An upgraded database's lines are moved over once, in this migration.
alter table archive.line rename to line_unpartitioned;

create table archive.line (like archive.line_unpartitioned including defaults including constraints including identity)
    partition by hash (person_id);

do $$
begin
    for remainder in 0..15 loop
        execute format('create table archive.line_p%s partition of archive.line for values with (modulus 16, remainder %s)',
                       lpad(remainder::text, 2, '0'), remainder);
    end loop;
end
$$;

insert into archive.line overriding system value select * from archive.line_unpartitioned;
select setval(pg_get_serial_sequence('archive.line', 'id'), coalesce((select max(id) from archive.line), 0) + 1, false);
drop table archive.line_unpartitioned;

alter table archive.line add primary key (person_id, id);
create unique index line_once_per_report_idx
    on archive.line (person_id, occurred_on, kind, source, md5(detail::text));
