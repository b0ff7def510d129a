-- The statement trigger joins the old and new rows of an update by id. Transition tables carry no statistics, so the
-- planner may pick a nested loop: an update of 20,000 persons then compared 400 million pairs (136 s, found by the
-- bench). A hash join is always right here.
alter function registry.record_person_changes() set enable_nestloop = off;
