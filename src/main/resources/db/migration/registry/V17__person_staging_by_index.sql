-- X-3, X-5 (issue 18): the person import checks and merges each range of rows as soon as it is staged, while the
-- file is still read; "the same ID number in an earlier row" is then a look-up of the range's rows in this index
-- instead of one sort of the whole file after the last row.
create index person_staging_index_idx on registry.person_staging (id_number_index);
