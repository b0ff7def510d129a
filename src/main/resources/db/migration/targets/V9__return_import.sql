-- TGT-2, X-3: returns by file (kind target-returns), staged before they are merged as the return form would file them.
create unlogged table targets.return_staging (
    job_id        uuid not null,
    row_number    integer not null,
    indicator     text not null,
    region_code   text,
    region_path   text,
    department    text,
    task_line_id  integer,
    label         text,
    as_of         date not null,
    value         numeric not null,
    evidence      text not null,
    primary key (job_id, row_number)
);
