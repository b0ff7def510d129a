\timing on
drop table if exists event_publication;
CREATE TABLE event_publication (id UUID NOT NULL, listener_id TEXT NOT NULL, event_type TEXT NOT NULL, serialized_event TEXT NOT NULL,
  publication_date TIMESTAMP WITH TIME ZONE NOT NULL, completion_date TIMESTAMP WITH TIME ZONE, status TEXT, completion_attempts INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE, PRIMARY KEY (id));
CREATE INDEX ON event_publication USING hash(serialized_event);
CREATE INDEX ON event_publication (completion_date);
create temp table ev as select '{"outcomes":[' || string_agg(format('{"personId":%s,"on":"2025-%s-%s","certificate":"BENCH-%s","scheme":"TRAINING","outcome":"GRANTED","amount":1500.00,"reason":"subsidy.granted","reasonArguments":["6-18-01-01","junior",%s]}', 100000+i*7, lpad((1+i%12)::text,2,'0'), lpad((1+i%28)::text,2,'0'), 1000000+i, i%3000), ',') || ']}' as s from generate_series(1,2000) i;
select length(s) from ev;
insert into event_publication select gen_random_uuid(), 'l', 't', s || n, now(), null, 'PUBLISHED', 1 from ev, generate_series(1,200) n;
update event_publication set status='COMPLETED', completion_date = now();
insert into event_publication select gen_random_uuid(), 'l', 't', s || n, now(), null, 'PUBLISHED', 1 from ev, generate_series(1,200) n;
update event_publication set status='PROCESSING' where completion_date is null;
update event_publication set status='COMPLETED', completion_date = now() where completion_date is null;
select pg_size_pretty(pg_total_relation_size('event_publication'));
