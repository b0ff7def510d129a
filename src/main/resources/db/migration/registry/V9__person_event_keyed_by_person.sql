-- Scaling out (X-5, docs/scaling.md): the archive is the largest table and is read one person at a time; its primary
-- key now leads with the person, the column it would be distributed on (Citus requires it in every unique key), and
-- the person's entries sit together in the index the archive page reads.
alter table registry.person_event drop constraint person_event_pkey;
alter table registry.person_event add primary key (person_id, id);
drop index registry.person_event_person_idx;
create index person_event_person_idx on registry.person_event (person_id, occurred_on);
