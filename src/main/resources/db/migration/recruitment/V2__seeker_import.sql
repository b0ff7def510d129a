-- REC-2: job seekers registered by file (kind seekers, 求职登记 / 失业登记), as officers receive them from the
-- employment service; the person must be in the registry, their skills come from their certificates at check time
create unlogged table recruitment.seeker_staging (
    job_id            uuid not null,
    row_number        integer not null,
    person_id         bigint not null,
    person_index      bytea not null,
    name              text not null,
    id_number_masked  text not null,
    residence_path    text not null,
    basis             text not null,
    wanted_occupation text,
    expected_wage     integer,
    skills            text,                          -- occupation=rank;… of the person's valid certificates
    primary key (job_id, row_number)
);
