-- X-5 (issue 18): one line per report, as V2 has it, told apart by jsonb's own 64-bit hash of the stored values
-- instead of the md5 of their text: md5(detail::text) printed every line back to text before hashing it,
-- jsonb_hash_extended reads the binary document, and the index entry holds 8 bytes instead of 33. Two different reports of one person, day, kind and source would
-- have to share a 64-bit hash to be taken for one: about one chance in 10^19 for a person's busiest day.
create unique index line_once_per_report_hashed_idx
    on archive.line (person_id, occurred_on, kind, source, jsonb_hash_extended(detail, 0));

drop index archive.line_once_per_report_idx;

alter index archive.line_once_per_report_hashed_idx rename to line_once_per_report_idx;
