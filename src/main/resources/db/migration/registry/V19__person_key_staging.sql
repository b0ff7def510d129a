-- X-3, X-5 (issue 18): the person import stages only each row's key, for "the same ID number in an earlier row"; the
-- rows themselves go straight into registry.person from memory, or (persons on record) through person_staging one
-- range at a time, which is emptied as the range merges. A 40 M-row file left 19 GB of staged rows until its end.
create unlogged table registry.person_key_staging (
    job_id          uuid not null,
    row_number      integer not null,
    id_number_index bytea not null,
    primary key (job_id, row_number)
);

create index person_key_staging_index_idx on registry.person_key_staging (id_number_index);

drop index registry.person_staging_index_idx;
