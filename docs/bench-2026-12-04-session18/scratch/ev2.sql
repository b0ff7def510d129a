\timing on
truncate event_publication;
alter table event_publication alter column serialized_event set storage external;
insert into event_publication select gen_random_uuid(), 'l', 't', s || n, now(), null, 'PUBLISHED', 1 from ev, generate_series(1,200) n;
update event_publication set status='COMPLETED', completion_date = now();
select pg_size_pretty(pg_total_relation_size('event_publication'));
