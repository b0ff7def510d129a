-- ENR-1..6: technical-school enrolment (技工院校招生). Distribution key when one machine is outgrown (Citus):
-- person_index for registrations and roster entries, so the dual-registration checks stay on one node.
create schema if not exists enrolment;

-- a technical school's affiliation: a city's (by its location) or the province's (省属)
create table enrolment.school (
    credit_code   text primary key,
    affiliation   text not null check (affiliation in ('CITY', 'PROVINCE')),
    updated_by    text not null,
    updated_at    timestamptz not null default now()
);

-- 专业备案目录: the specialties a school may plan and register
create table enrolment.specialty (
    school_code   text not null,
    code          text not null,
    name          text not null,
    class_levels  text[] not null,
    filed_on      date not null,
    filed_by      text not null,
    primary key (school_code, code)
);

-- 招生计划: per school, year and intake; drafted by the school, issued by its city (the province for 省属), filed
-- with the province; after filing it changes only by an approved revision
create table enrolment.plan (
    id            bigint generated always as identity primary key,
    school_code   text not null,
    year          integer not null,
    intake        text not null check (intake in ('SPRING', 'AUTUMN')),
    status        text not null check (status in ('DRAFT', 'ISSUED', 'FILED')),
    issued_by     text,
    issued_at     timestamptz,
    filed_by      text,
    filed_at      timestamptz,
    version       integer not null default 0,
    unique (school_code, year, intake)
);

create table enrolment.plan_line (
    plan_id        bigint not null references enrolment.plan (id),
    specialty_code text not null,
    class_level    text not null check (class_level in ('INTERMEDIATE', 'SENIOR', 'TECHNICIAN')),
    headcount      integer not null check (headcount > 0),
    primary key (plan_id, specialty_code, class_level)
);

create table enrolment.plan_revision (
    id            bigint generated always as identity primary key,
    plan_id       bigint not null references enrolment.plan (id),
    reason        text not null,
    lines_before  jsonb not null,
    lines_after   jsonb not null,
    status        text not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by  text not null,
    requested_at  timestamptz not null default now(),
    decided_by    text,
    decided_at    timestamptz,
    comment       text
);

create unique index plan_revision_pending_idx on enrolment.plan_revision (plan_id) where status = 'PENDING';

-- ENR-4: joint programmes with partner provinces (N+N, N+N+N)
create table enrolment.agreement (
    id               bigint generated always as identity primary key,
    school_code      text not null,
    partner_province text not null,
    partner_school   text not null,
    mode             text not null check (mode in ('N_N', 'N_N_N')),
    years            text not null,            -- e.g. 1+2, 1+1+1
    signed_on        date not null,
    valid_until      date,
    created_by       text not null
);

-- 学籍注册
create table enrolment.registration (
    id                bigint generated always as identity primary key,
    person_index      bytea not null,
    person_id         bigint not null,
    id_number_masked  text not null,
    name              text not null,
    school_code       text not null,
    school_path       text not null,             -- the school's county path, for scope and counting
    specialty_code    text not null,
    class_level       text not null check (class_level in ('INTERMEDIATE', 'SENIOR', 'TECHNICIAN')),
    intake_year       integer not null,
    intake_season     text not null check (intake_season in ('SPRING', 'AUTUMN')),
    learner_kind      text not null,
    study_mode        text not null check (study_mode in ('FULL_TIME', 'PART_TIME')),
    origin_region     text not null,
    agreement_id      bigint references enrolment.agreement (id),
    registered_on     date not null,
    status            text not null default 'REGISTERED'
                      check (status in ('REGISTERED', 'WITHDRAWN', 'TRANSFERRED', 'GRADUATED')),
    status_on         date,
    status_reason     text,
    source            text not null,
    version           integer not null default 0
);

create index registration_person_idx on enrolment.registration (person_index);
create index registration_school_idx on enrolment.registration (school_code, intake_year, intake_season);
create index registration_path_idx on enrolment.registration (school_path text_pattern_ops, intake_year);
-- the same student registered twice for the same intake at the same school is a replay, not a second student
create unique index registration_replay_idx on enrolment.registration (person_index, school_code, intake_year,
    intake_season) where status = 'REGISTERED';

-- rosters of general high schools and other secondary vocational schools, from the education department
create table enrolment.roster_entry (
    person_index      bytea not null,
    id_number_masked  text not null,
    name              text not null,
    school_name       text not null,
    school_type       text not null check (school_type in ('GENERAL_HIGH_SCHOOL', 'SECONDARY_VOCATIONAL')),
    status            text not null check (status in ('ENROLLED', 'GRADUATED', 'LEFT')),
    imported_by_job   uuid,
    updated_at        timestamptz not null default now(),
    primary key (person_index, school_name)
);

create unlogged table enrolment.roster_staging (
    job_id            uuid not null,
    row_number        integer not null,
    person_index      bytea not null,
    id_number_masked  text not null,
    name              text not null,
    school_name       text not null,
    school_type       text not null,
    status            text not null,
    primary key (job_id, row_number)
);

create unlogged table enrolment.registration_staging (
    job_id            uuid not null,
    row_number        integer not null,
    person_index      bytea not null,
    id_number_sealed  bytea not null,
    id_number_masked  text not null,
    name              text not null,
    sex               text not null,
    birth_date        date not null,
    school_code       text not null,
    school_path       text not null,
    specialty_code    text not null,
    class_level       text not null,
    intake_year       integer not null,
    intake_season     text not null,
    learner_kind      text not null,
    study_mode        text not null,
    origin_region     text not null,
    agreement_id      bigint,
    primary key (job_id, row_number)
);

-- ENR-3: a person registered at two technical schools at once, or at one and on a roster; resolved by withdrawing
-- one registration or dismissing the case with a reason
create table enrolment.duplicate_case (
    id                 bigint generated always as identity primary key,
    person_index       bytea not null,
    registration_id    bigint not null references enrolment.registration (id),
    other_kind         text not null check (other_kind in ('REGISTRATION', 'ROSTER')),
    other_key          text not null,            -- the other registration's id, or the roster school's name
    found_at           timestamptz not null default now(),
    status             text not null default 'OPEN' check (status in ('OPEN', 'RESOLVED')),
    resolution         text check (resolution in ('WITHDRAWN', 'DISMISSED')),
    withdrawn_id       bigint,
    reason             text,
    resolved_by        text,
    resolved_at        timestamptz,
    unique (registration_id, other_kind, other_key)
);
