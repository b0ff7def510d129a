-- TGT-1..5: the targets the policies set, what the platform and the returns say was achieved, milestones, reports.
create schema if not exists targets;

-- What is measured. fact: the stream of platform records that feeds it (null: reported by returns only).
create table targets.indicator (
    code      text primary key,
    name_zh   text not null,
    name_en   text not null,
    unit      text not null check (unit in ('PERSONS', 'PERSON_TIMES', 'ENTERPRISES', 'UNITS', 'EVENTS', 'PERCENT')),
    fact      text,
    sort      integer not null
);

-- 001 附件1: one line of the department task list (主要任务 / 重点工作 / 工作举措 / 责任单位 / 工作目标), verbatim.
create table targets.task_line (
    id            integer primary key,
    main_task     text not null,
    key_work      text not null,
    measure       text not null,
    activity      text,                       -- the specific activity when a measure has several (开展…培训)
    departments   text[] not null,
    target_text   text not null,
    document      text not null,
    section       text not null
);

-- One figure a document sets. value null = printed as ** (待定), never 0.
-- period: YEAR and RANGE count what happened between start and end; CUMULATIVE counts everything up to the as-of
-- date (a stock, or "累计"), start being only where the elapsed time (序时进度) is measured from.
create table targets.target (
    id            bigint generated always as identity primary key,
    indicator     text not null references targets.indicator (code),
    region_code   text,
    region_path   text,
    department    text,
    label         text,                       -- what the figure is about when one line sets several (网店业主 …)
    task_line_id  integer references targets.task_line (id),
    period_kind   text not null check (period_kind in ('YEAR', 'RANGE', 'CUMULATIVE')),
    period_start  date not null,
    period_end    date not null,
    comparator    text not null check (comparator in ('AT_LEAST', 'MORE_THAN', 'EQUAL', 'ABOUT', 'UNKNOWN')),
    value         numeric,
    document      text not null,
    section       text not null,
    check ((region_code is null) <> (department is null)),
    check ((region_code is null) = (region_path is null)),
    check ((comparator = 'UNKNOWN') = (value is null)),
    check (period_start <= period_end)
);

create unique index target_identity_idx on targets.target (indicator, coalesce(region_code, ''),
    coalesce(department, ''), coalesce(task_line_id, 0), coalesce(label, ''), period_start, period_end, document);
create index target_region_idx on targets.target (region_path text_pattern_ops);

-- TGT-5: a dated milestone of a task line; status kept by the responsible officers with evidence.
create table targets.milestone (
    id            bigint generated always as identity primary key,
    task_line_id  integer not null references targets.task_line (id),
    due_on        date not null,
    description   text not null,
    status        text not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    evidence      text,
    completed_on  date,
    updated_by    text,
    updated_at    timestamptz,
    check ((status = 'DONE') = (evidence is not null and completed_on is not null))
);

-- TGT-2 actuals from the platform's own records. One row per counted fact, keyed by where it came from, so a replayed
-- event finds its row and changes nothing. Distribution key (Citus): fact.
create table targets.contribution (
    fact          text not null,
    source_key    text not null,              -- certificate holder, enterprise credit code, registration id …
    region_path   text not null,              -- /330000/ when the platform cannot place it below the province
    occurred_on   date not null,
    amount        numeric not null,
    evidence      text not null,              -- the record that made it count, e.g. certificate:123
    primary key (fact, source_key)
);

-- The rollup the dashboard reads: per fact, region (each level of the path) and day. Maintained by deltas as
-- contributions change; rebuildable from targets.contribution at any time with the same result.
create table targets.actual_daily (
    fact          text not null,
    region_code   text not null,
    day           date not null,
    amount        numeric not null,
    primary key (fact, region_code, day)
);

-- TGT-2 returns (上报): a region or department reports its figure as of a date; approved upwards, then locked.
create table targets.return_report (
    id            bigint generated always as identity primary key,
    indicator     text not null references targets.indicator (code),
    region_code   text,
    region_path   text,
    department    text,
    as_of         date not null,
    value         numeric not null,
    evidence      text not null,
    status        text not null check (status in ('SUBMITTED', 'RETURNED', 'APPROVED')),
    comment       text,
    submitted_by  text not null,
    submitted_at  timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    version       integer not null default 0,
    check ((region_code is null) <> (department is null)),
    check (status <> 'RETURNED' or comment is not null)
);

create unique index return_identity_idx on targets.return_report (indicator, coalesce(region_code, ''),
    coalesce(department, ''), as_of);

-- TGT-4: a city's quarterly report (quarter 1-4) or yearly summary (quarter 0) with the narrative it writes.
create table targets.city_report (
    region_code   text not null,
    year          integer not null,
    quarter       integer not null check (quarter between 0 and 4),
    narrative     text not null default '',
    status        text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED')),
    submitted_by  text,
    submitted_at  timestamptz,
    primary key (region_code, year, quarter)
);
