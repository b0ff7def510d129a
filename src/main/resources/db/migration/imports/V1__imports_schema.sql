-- X-3: bulk import jobs and their row-by-row errors. The rows themselves are staged in the owning module's schema.
create schema if not exists imports;

create table imports.import_job (
    id              uuid primary key,
    kind            text not null,
    status          text not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    file_name       text not null,
    file_format     text not null check (file_format in ('CSV', 'XLSX')),
    file_sha256     text not null,
    uploaded_by     text not null,
    uploaded_at     timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    total_rows      integer not null default 0,
    processed_rows  integer not null default 0,   -- read and checked
    applied_rows    integer not null default 0,   -- merged
    accepted_rows   integer not null default 0,   -- created or changed a record
    rejected_rows   integer not null default 0,
    unchanged_rows  integer not null default 0,
    failure_code    text,                          -- why the whole job failed (bad file, missing header)
    failure_detail  text,
    attempts        integer not null default 0,
    actor           text not null                  -- the uploader as they were, so an interrupted job resumes with the same scope
);

create index import_job_uploader_idx on imports.import_job (uploaded_by, uploaded_at desc);

create table imports.import_error (
    job_id      uuid not null references imports.import_job (id) on delete cascade,
    row_number  integer not null,                  -- as Excel shows it: the header is row 1
    column_name text,
    code        text not null,
    arguments   text[] not null default '{}'
);

create index import_error_job_idx on imports.import_error (job_id, row_number);
