-- X-5 (issue 18): the registry's history lines are written only by this module's triggers, from the person rows of
-- the same statement, and persons are never deleted, so the foreign key guarded nothing; it cost the bulk import
-- 40 % of its merge (each line's check locks the person row it was just inserted as: a second write of every row;
-- measured in BENCHMARKS.md). It could not stay on a distributed cluster either: the person table is distributed on
-- its ID-number index and this one on the person id (docs/scaling.md).
alter table registry.person_event drop constraint person_event_person_id_fkey;

-- The primary key (person_id, id) already finds a person's lines; a second index led by the same column only cost
-- every insert (the archive sorts a person's few lines by day after reading them).
drop index registry.person_event_person_idx;

-- A registration is a fact of the person row itself (its created_at; its first residence and employer are the "from"
-- of the first change of each, or the current values when none changed), so a new person no longer writes a line of
-- its own: that line was a second row with its index for every person imported (a fifth of the merge, BENCHMARKS.md).
-- Persons registered before this migration keep their stored line; Persons.history reads either.
drop trigger person_registered on registry.person;
drop function registry.record_person_registrations();
