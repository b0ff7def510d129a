-- X-5 (issue 18): the registry's history of a person (moves and changes; 38 M lines after the first province load,
-- before V18) in 16 hash partitions of the person, the key it would be distributed on (docs/scaling.md): a person's
-- history reads one partition. Written by this module's triggers through the parent, like before. An upgraded
-- database's lines are moved over once, in this migration.
alter table registry.person_event rename to person_event_unpartitioned;

create table registry.person_event
    (like registry.person_event_unpartitioned including defaults including constraints including identity)
    partition by hash (person_id);

do $$
begin
    for remainder in 0..15 loop
        execute format('create table registry.person_event_p%s partition of registry.person_event '
                       'for values with (modulus 16, remainder %s)', lpad(remainder::text, 2, '0'), remainder);
    end loop;
end
$$;

insert into registry.person_event overriding system value select * from registry.person_event_unpartitioned;
select setval(pg_get_serial_sequence('registry.person_event', 'id'),
              coalesce((select max(id) from registry.person_event), 0) + 1, false);
drop table registry.person_event_unpartitioned;

alter table registry.person_event add primary key (person_id, id);
