-- TRN-3, X-3: real-name enrolment by file (kind class-trainees), staged before it is merged. replay: the trainee is
-- already enrolled in that class, so the row changes nothing.
create unlogged table training.class_trainee_staging (
    job_id            uuid not null,
    row_number        integer not null,
    class_id          bigint not null,
    person_index      bytea not null,
    id_number_sealed  bytea not null,
    id_number_masked  text not null,
    name              text not null,
    voucher_id        bigint,
    replay            boolean not null,
    primary key (job_id, row_number)
);
