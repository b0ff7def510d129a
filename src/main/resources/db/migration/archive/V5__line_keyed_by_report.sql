-- X-5 (issue 18): one index on the archive's lines instead of two. V3 gave them a primary key (person_id, id) that
-- nothing reads by and V4 a unique index of the report (person, day, kind, source, hash of the values); every line
-- written went into both, each at a random page since both lead with the person. The report's key is now the
-- primary key, on a stored column holding the values' hash, and a person's archive is read from it. id stays, in
-- no index, to keep the order of one day's lines as they were written.
alter table archive.line add column detail_hash bigint generated always as (jsonb_hash_extended(detail, 0)) stored;

alter table archive.line drop constraint line_pkey;
drop index archive.line_once_per_report_idx;

alter table archive.line add primary key (person_id, occurred_on, kind, source, detail_hash);
