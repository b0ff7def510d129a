-- REC-1..3: bringing skilled people to the jobs that need them (人岗匹配, policy 000 二(五), 三(三); 004 三(三)):
-- job postings, job seekers who may be contacted, recruitment events on site and online, matching with every
-- recommendation logged, applications through to hires, and placements.
-- Distribution keys when one machine is outgrown (Citus): enterprise_code for jobs, person_index for seekers, their
-- skills, applications and placements (co-located by person); events by organiser_path.
create schema if not exists recruitment;

-- REC-1: a job posting (岗位) of an enterprise, posted by itself, by an officer on its behalf, or imported
create table recruitment.job (
    id                bigint generated always as identity primary key,
    enterprise_code   text not null,
    enterprise_name   text not null,
    enterprise_path   text not null,
    title             text not null,
    occupation_code   text not null,
    min_grade         text check (min_grade in ('apprentice', 'junior', 'intermediate', 'senior', 'technician',
                                                'senior-technician', 'principal-technician', 'chief-technician')),
    headcount         integer not null check (headcount between 1 and 10000),
    county            text not null,
    county_path       text not null,
    wage_min          integer check (wage_min > 0),
    wage_max          integer check (wage_max > 0),
    starts_on         date,
    closes_on         date not null,
    requirements      text,
    graduates_sought  boolean not null default false,
    demand_item_id    bigint,                      -- the labour-demand item (DEM-2) it was posted from
    source            text not null check (source in ('ENTERPRISE', 'OFFICER', 'IMPORT')),
    posted_by         text not null,
    status            text not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'FILLED', 'CLOSED')),
    hired             integer not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           integer not null default 0,
    check (wage_max is null or wage_min is null or wage_max >= wage_min)
);

create index job_open_occupation_idx on recruitment.job (occupation_code text_pattern_ops) where status = 'OPEN';
create index job_county_idx on recruitment.job (county_path text_pattern_ops);
create index job_enterprise_idx on recruitment.job (enterprise_code);
create unique index job_demand_item_idx on recruitment.job (demand_item_id) where demand_item_id is not null;

create unlogged table recruitment.job_staging (
    job_id            uuid not null,
    row_number        integer not null,
    enterprise_code   text not null,
    enterprise_name   text not null,
    enterprise_path   text not null,
    title             text not null,
    occupation_code   text not null,
    min_grade         text,
    headcount         integer not null,
    county            text not null,
    county_path       text not null,
    wage_min          integer,
    wage_max          integer,
    starts_on         date,
    closes_on         date not null,
    requirements      text,
    graduates_sought  boolean not null,
    primary key (job_id, row_number)
);

-- REC-2: who may be contacted about jobs — registered job seekers, graduating technical-school students, trainees
-- who consented, unemployed persons who registered (就业登记); placed persons are no longer available
create table recruitment.seeker (
    person_id         bigint primary key,
    person_index      bytea not null unique,
    name              text not null,
    id_number_masked  text not null,
    residence_path    text not null,
    basis             text not null check (basis in ('REGISTERED', 'UNEMPLOYED', 'GRADUATING', 'TRAINEE_CONSENT')),
    wanted_occupation text,
    expected_wage     integer check (expected_wage > 0),
    status            text not null default 'SEEKING' check (status in ('SEEKING', 'PLACED', 'WITHDRAWN')),
    since             date not null,
    school_code       text,                         -- a graduating student's school
    updated_at        timestamptz not null default now(),
    version           integer not null default 0
);

create index seeker_residence_idx on recruitment.seeker (residence_path text_pattern_ops) where status = 'SEEKING';
create index seeker_wanted_idx on recruitment.seeker (wanted_occupation text_pattern_ops) where status = 'SEEKING';

-- what a seeker can do: the best grade per occupation their certificates attest (rank on the eight-grade ladder)
create table recruitment.seeker_skill (
    person_id         bigint not null references recruitment.seeker (person_id),
    occupation_code   text not null,
    grade_rank        integer not null check (grade_rank between 0 and 8),
    primary key (person_id, occupation_code)
);

create index seeker_skill_occupation_idx on recruitment.seeker_skill (occupation_code text_pattern_ops, grade_rank desc);

-- REC-2: the weights of the scorer, versioned data an officer can read; the version in force is the newest valid one
create table recruitment.match_weights (
    version           integer primary key,
    occupation        numeric(4, 3) not null,
    grade             numeric(4, 3) not null,
    place             numeric(4, 3) not null,
    wage              numeric(4, 3) not null,
    availability      numeric(4, 3) not null,
    valid_from        date not null,
    source            text not null,
    check (occupation + grade + place + wage + availability = 1)
);

insert into recruitment.match_weights (version, occupation, grade, place, wage, availability, valid_from, source)
values (1, 0.35, 0.25, 0.15, 0.10, 0.15, date '2026-01-01',
        '平台初始权重（示例），职业匹配优先；由省厅调整并发布新版本');

-- related occupations beyond the classification's own groups (e.g. 数控车工 ↔ 车工): a configurable table
create table recruitment.related_occupation (
    occupation_code   text not null,
    related_code      text not null,
    reason            text not null,
    primary key (occupation_code, related_code)
);

-- REC-1: recruitment events on site (现场招聘) and online (云聘会, 直播带岗), organised by a bureau or a school
create table recruitment.event (
    id                bigint generated always as identity primary key,
    title             text not null,
    format            text not null check (format in ('ONSITE', 'CLOUD_FAIR', 'LIVE_STREAM')),
    venue_kind        text check (venue_kind in ('SCHOOL_IN_PROVINCE', 'SCHOOL_OUT_OF_PROVINCE', 'VENUE')),
    place             text,
    stream_url        text,
    organiser_kind    text not null check (organiser_kind in ('BUREAU', 'SCHOOL')),
    organiser_code    text not null,               -- region code of the bureau, credit code of the school
    organiser_name    text not null,
    organiser_path    text not null,               -- the region it counts in
    held_on           date not null,
    status            text not null default 'PLANNED' check (status in ('PLANNED', 'HELD', 'CANCELLED')),
    created_by        text not null,
    created_at        timestamptz not null default now(),
    version           integer not null default 0,
    check ((format = 'ONSITE' and place is not null) or (format <> 'ONSITE' and stream_url is not null))
);

create index event_organiser_idx on recruitment.event (organiser_path text_pattern_ops, held_on);

create table recruitment.event_job (
    event_id          bigint not null references recruitment.event (id),
    job_id            bigint not null references recruitment.job (id),
    primary key (event_id, job_id)
);

create table recruitment.event_participant (
    event_id          bigint not null references recruitment.event (id),
    kind              text not null check (kind in ('ENTERPRISE', 'SCHOOL', 'SEEKER')),
    participant       text not null,               -- credit code, or the seeker's person id
    name              text not null,
    registered_at     timestamptz not null default now(),
    primary key (event_id, kind, participant)
);

-- applications through interview and offer to the hire; one per person and job
create table recruitment.application (
    id                bigint generated always as identity primary key,
    job_id            bigint not null references recruitment.job (id),
    person_id         bigint not null references recruitment.seeker (person_id),
    person_index      bytea not null,
    event_id          bigint references recruitment.event (id),
    origin            text not null check (origin in ('APPLIED', 'INVITED', 'AT_EVENT')),
    status            text not null check (status in ('APPLIED', 'INVITED', 'INTERVIEWED', 'OFFERED', 'HIRED',
                                                      'DECLINED', 'WITHDRAWN', 'REJECTED')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           integer not null default 0,
    unique (job_id, person_id)
);

create index application_person_idx on recruitment.application (person_id);

-- REC-3: a hire, and where it came from (a posting, an event, an order-based class)
create table recruitment.placement (
    id                bigint generated always as identity primary key,
    person_id         bigint not null references recruitment.seeker (person_id),
    person_index      bytea not null,
    enterprise_code   text not null,
    enterprise_name   text not null,
    enterprise_path   text not null,
    job_id            bigint not null references recruitment.job (id),
    application_id    bigint references recruitment.application (id),
    starts_on         date not null,
    contract_months   integer not null check (contract_months between 1 and 600),
    origin            text not null check (origin in ('POSTING', 'EVENT', 'ORDER_CLASS')),
    event_id          bigint references recruitment.event (id),
    class_id          bigint,                      -- the order-based class that trained the person (training)
    occupation_code   text not null,
    grade_rank        integer,
    graduate          boolean not null,
    graduate_basis    text check (graduate_basis in ('ENROLMENT', 'EVIDENCE')),
    graduate_evidence text,
    recorded_by       text not null,
    recorded_at       timestamptz not null default now(),
    unique (person_id, job_id),
    check (not graduate or graduate_basis is not null)
);

create index placement_enterprise_idx on recruitment.placement (enterprise_code);
create index placement_class_idx on recruitment.placement (class_id) where class_id is not null;

-- REC-2: every recommendation shown (who saw which candidate or job at which rank), joined later to what followed
create table recruitment.recommendation (
    id                bigint generated always as identity,
    shown_at          timestamptz not null default now(),
    viewer            text not null,
    direction         text not null check (direction in ('CANDIDATE', 'JOB')),
    job_id            bigint not null,
    person_id         bigint not null,
    rank              integer not null,
    score             numeric(5, 4) not null,
    weights_version   integer not null,
    primary key (shown_at, id)
);

create index recommendation_pair_idx on recruitment.recommendation (job_id, person_id);

-- the same imported line again changes nothing (X-3: a replay is harmless)
create unique index job_imported_line_idx on recruitment.job (enterprise_code, title, occupation_code, county, closes_on)
    where source = 'IMPORT';
