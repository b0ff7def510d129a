-- X-3: where bulk-imported rows wait between COPY and merge, one job's rows at a time per job_id. Unlogged: a crash
-- loses only rows that are re-read from the stored file anyway.
create unlogged table registry.person_staging (
    job_id            uuid not null,
    row_number        integer not null,
    id_number_index   bytea not null,
    id_number_sealed  bytea not null,
    id_number_masked  text not null,
    name              text not null,
    sex               char(1) not null,
    birth_date        date not null,
    hukou_region      text,
    hukou_path        text,
    residence_region  text,
    residence_path    text,
    mobile_sealed     bytea,
    mobile_index      bytea,
    mobile_masked     text,
    education         text,
    groups            text[] not null,
    employer_credit_code text,
    salary_band       text,
    primary key (job_id, row_number)
);

create unlogged table registry.enterprise_staging (
    job_id             uuid not null,
    row_number         integer not null,
    credit_code        text not null,
    name               text not null,
    region             text not null,
    region_path        text not null,
    industry_field     text,
    cluster            text,
    size               text,
    key_enterprise     boolean not null,
    key_reason         text,
    skill_based_status text not null,
    skill_based_year   integer,
    eight_grade_pilot  boolean not null,
    primary key (job_id, row_number)
);

create unlogged table registry.provider_staging (
    job_id              uuid not null,
    row_number          integer not null,
    credit_code         text not null,
    name                text not null,
    kind                text not null,
    licence_number      text,
    licence_valid_until date,
    region              text not null,
    region_path         text not null,
    star_rating         smallint,
    star_year           integer,
    status              text not null,
    status_reason       text,
    status_date         date,
    primary key (job_id, row_number)
);
