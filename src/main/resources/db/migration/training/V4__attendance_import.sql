-- TRN-3: attendance by file (kind attendance), staged before it is merged.
create unlogged table training.attendance_staging (
    job_id        uuid not null,
    row_number    integer not null,
    session_id    bigint not null,
    enrolment_id  bigint not null,
    primary key (job_id, row_number)
);
