-- ANA-1..4: skilled-talent analysis (技能人才分析). Two kinds of table, as DHIS2 keeps them apart: what officers
-- enter or import here (employment statistics, wages, the income band, training sites, township points, travel
-- parameters, timed trips) and the analytics tables, rebuilt whole from every module's records (nightly and on an
-- officer's demand), each row tagged with the generation that built it so readers switch at once when a rebuild
-- finishes and never wait on it.
create schema if not exists analytics;

-- ANA-1: employed persons (从业人员) per region and year, from the statistics bureau; a changed figure supersedes
-- the old one, which stays as history
create table analytics.employment_statistic (
    id             bigint generated always as identity primary key,
    region_code    text not null,
    region_path    text not null,
    year           integer not null check (year between 2000 and 2100),
    employed       bigint not null check (employed > 0),
    source         text not null,                   -- the document: 统计年鉴, 统计公报, 人口普查 …
    recorded_by    text not null,
    recorded_at    timestamptz not null default now(),
    superseded_at  timestamptz
);

create unique index employment_statistic_current_idx on analytics.employment_statistic (region_code, year)
    where superseded_at is null;
create index employment_statistic_path_idx on analytics.employment_statistic (region_path text_pattern_ops, year);

create unlogged table analytics.employment_staging (
    job_id       uuid not null,
    row_number   integer not null,
    region_code  text not null,
    region_path  text not null,
    year         integer not null,
    employed     bigint not null,
    source       text not null,
    primary key (job_id, row_number)
);

-- ANA-2: a person's monthly wage at an enterprise, from an enterprise wage survey or a social-insurance
-- contribution base; the person by the ID number's keyed index only
create table analytics.wage_record (
    id               bigint generated always as identity primary key,
    person_index     bytea not null,
    enterprise_code  text not null,
    region_path      text not null,                 -- the workplace county
    occupation_code  text not null,
    grade            text,                          -- as reported; else the grade the certificates give
    monthly_wage     integer not null check (monthly_wage > 0),
    period           date not null check (extract(day from period) = 1),
    source           text not null check (source in ('WAGE_SURVEY', 'SOCIAL_INSURANCE')),
    recorded_by      text not null,
    created_at       timestamptz not null default now(),
    unique (person_index, enterprise_code, period, source)
);

create unlogged table analytics.wage_staging (
    job_id           uuid not null,
    row_number       integer not null,
    person_index     bytea not null,
    enterprise_code  text not null,
    region_path      text not null,
    occupation_code  text not null,
    grade            text,
    monthly_wage     integer not null,
    period           date not null,
    source           text not null,
    primary key (job_id, row_number)
);

-- ANA-2 扩中提低: the middle-income band as versioned data with its source; a version is never edited
create table analytics.income_band (
    version      integer primary key,
    valid_from   date not null,
    lower_yuan   integer not null check (lower_yuan > 0),
    upper_yuan   integer not null,
    source       text not null,
    set_by       text not null,
    set_at       timestamptz not null default now(),
    check (upper_yuan > lower_yuan)
);

-- ANA-4: where training is offered — providers' sites, the counties' public training bases and stations
create table analytics.training_site (
    id              bigint generated always as identity primary key,
    kind            text not null check (kind in ('PROVIDER_SITE', 'PUBLIC_BASE', 'STATION')),
    name            text not null,
    provider_code   text,                            -- the provider a PROVIDER_SITE belongs to
    address         text not null,
    county          text not null,
    county_path     text not null,
    longitude       double precision not null,       -- WGS-84, converted when entered in GCJ-02
    latitude        double precision not null,
    entered_crs     text not null check (entered_crs in ('WGS84', 'GCJ02')),
    entered_longitude double precision not null,
    entered_latitude  double precision not null,
    teaches         text[] not null default '{}',    -- occupation codes
    source          text not null,                   -- where the coordinates come from
    illustrative    boolean not null default false,  -- 示例: made up for the demo, never real
    active          boolean not null default true,
    recorded_by     text not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer not null default 0,
    check (kind <> 'PROVIDER_SITE' or provider_code is not null)
);

create index training_site_county_idx on analytics.training_site (county_path text_pattern_ops);

-- ANA-4: township (乡镇街道) and key-village (重点村) points, by import kind locations
create table analytics.location (
    id              bigint generated always as identity primary key,
    region_code     text not null,                   -- the township (9 digits); a village names its township
    county_path     text not null,
    name            text not null,
    category        text not null check (category in ('COUNTY_TOWN', 'CENTRAL_TOWN', 'TOWNSHIP', 'KEY_VILLAGE')),
    longitude       double precision not null,       -- WGS-84
    latitude        double precision not null,
    entered_crs     text not null check (entered_crs in ('WGS84', 'GCJ02')),
    entered_longitude double precision not null,
    entered_latitude  double precision not null,
    source          text not null,
    illustrative    boolean not null default false,
    recorded_by     text not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (region_code, name)
);

create index location_county_idx on analytics.location (county_path text_pattern_ops);

create unlogged table analytics.location_staging (
    job_id            uuid not null,
    row_number        integer not null,
    region_code       text not null,
    county_path       text not null,
    name              text not null,
    category          text not null,
    longitude         double precision not null,
    latitude          double precision not null,
    entered_crs       text not null,
    entered_longitude double precision not null,
    entered_latitude  double precision not null,
    source            text not null,
    primary key (job_id, row_number)
);

-- ANA-4: the estimate's parameters, versioned with their source; a version is never edited
create table analytics.travel_parameters (
    version           integer primary key,
    valid_from        date not null,
    detour_factor     double precision not null check (detour_factor >= 1),
    plain_kmh         double precision not null check (plain_kmh > 0),
    mountain_kmh      double precision not null check (mountain_kmh > 0),
    ferry_minutes     double precision not null check (ferry_minutes >= 0),
    island_townships  text[] not null default '{}', -- townships reached from elsewhere by ferry only
    source            text not null,
    set_by            text not null,
    set_at            timestamptz not null default now()
);

-- Island townships (2023 township codes): 普陀区's outer islands (六横, 虾峙, 桃花, 东极, 普陀山), 岱山县's islands not
-- on the 舟岱大桥 (长涂, 衢山), and 嵊泗县 (no bridge to the rest of Zhejiang).
insert into analytics.travel_parameters (version, valid_from, detour_factor, plain_kmh, mountain_kmh, ferry_minutes,
    island_townships, source, set_by)
values (1, date '2025-01-01', 1.4, 40, 25, 45,
    '{330903100,330903102,330903104,330903105,330903106,330921105,330921106,330922100,330922101,330922102,330922200,330922201,330922202,330922203}',
    '示例参数（待交通运输部门核定）：绕行系数1.4取道路绕行系数文献常用值1.3–1.5；平原车速40公里/小时、山区26县25公里/小时按县乡道限速折算；海岛乡镇往返岛外另加轮渡45分钟（候船与航行）',
    'migration');

-- ANA-4 calibration: trips an officer timed, to compare with the estimate
create table analytics.timed_trip (
    id            bigint generated always as identity primary key,
    location_id   bigint not null references analytics.location (id),
    site_id       bigint not null references analytics.training_site (id),
    minutes       double precision not null check (minutes > 0 and minutes < 600),
    travelled_on  date not null,
    mode          text not null check (mode in ('CAR', 'BUS', 'FERRY', 'OTHER')),
    recorded_by   text not null,
    recorded_at   timestamptz not null default now()
);

-- ===== analytics tables, rebuilt =====

create table analytics.rebuild (
    generation   integer generated always as identity primary key,
    trigger      text not null check (trigger in ('NIGHTLY', 'OFFICER', 'START', 'BENCH')),
    requested_by text not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    status       text not null default 'RUNNING' check (status in ('RUNNING', 'DONE', 'FAILED')),
    steps        jsonb not null default '[]',        -- [{step, rows, millis}]
    error        text
);

-- copies of the modules' records the rebuild reads (the modules publish them as streams), replaced every time
create unlogged table analytics.src_person (
    person_id       bigint not null,
    holder_index    bytea not null,
    region_path     text,                           -- residence, else hukou in Zhejiang
    sex             char(1),
    birth_date      date,
    groups          text[],
    industry_field  text                            -- the employer's
);

create unlogged table analytics.src_certificate (
    holder_index    bytea not null,
    type            text not null,
    occupation_code text,
    grade           text,
    issued_on       date not null,
    revoked_on      date
);

create unlogged table analytics.src_demand (
    id              bigint not null,
    place_path      text not null,
    occupation_code text not null,
    grade           text,
    headcount       integer not null,
    train_headcount integer not null,
    monthly_wage    integer,
    recorded_on     date not null,
    open            boolean not null
);

create unlogged table analytics.src_enrolment (
    county_path     text,
    occupation_code text not null,
    status          text not null,
    last_day        date not null
);

create unlogged table analytics.src_offer (
    job_id          bigint not null,
    county_path     text not null,
    occupation_code text not null,
    min_grade       text,
    wage_min        integer,
    wage_max        integer,
    posted_on       date not null
);

-- a person's highest skill grade over time: one row per stretch of days with one grade (rank 2 = 初级工 … 8)
create table analytics.grade_spell (
    generation      integer not null,
    person_id       bigint,
    holder_index    bytea not null,
    region_path     text not null,                  -- '/330000/' when the holder cannot be placed in a county
    industry_field  text not null,                  -- '' when unknown
    sex             char(1) not null,               -- 'U' when unknown
    birth_date      date,
    groups          text[] not null,
    grade_rank      smallint not null,
    valid_from      date not null,
    valid_to        date                            -- exclusive; null while it lasts
);

create index grade_spell_region_idx on analytics.grade_spell (generation, region_path text_pattern_ops, valid_from);
create index grade_spell_person_idx on analytics.grade_spell (person_id);
create index grade_spell_holder_idx on analytics.grade_spell (holder_index);

-- ANA-1, ANA-3: skilled persons as of each snapshot date (31 December of each year, quarter ends of this and last
-- year, and the day of the rebuild)
create table analytics.skilled_count (
    generation      integer not null,
    as_of           date not null,
    region_path     text not null,
    industry_field  text not null,
    grade_rank      smallint not null,
    sex             char(1) not null,
    age_band        text not null,
    persons         bigint not null
);

create index skilled_count_idx on analytics.skilled_count (generation, as_of, region_path text_pattern_ops);

create table analytics.skilled_group_count (
    generation      integer not null,
    as_of           date not null,
    region_path     text not null,
    industry_field  text not null,
    person_group    text not null,
    high_skilled    boolean not null,
    persons         bigint not null
);

create index skilled_group_count_idx on analytics.skilled_group_count (generation, as_of, region_path text_pattern_ops);

-- ANA-3: certificates issued by occupation and year, demand open now, training delivered
create table analytics.certified_occupation (
    generation      integer not null,
    year            integer not null,
    region_path     text not null,
    occupation_code text not null,
    certificates    bigint not null
);

create index certified_occupation_idx on analytics.certified_occupation (generation, region_path text_pattern_ops);

create table analytics.demand_occupation (
    generation      integer not null,
    region_path     text not null,
    occupation_code text not null,
    headcount       bigint not null,
    train_headcount bigint not null
);

create index demand_occupation_idx on analytics.demand_occupation (generation, region_path text_pattern_ops);

create table analytics.training_delivered (
    generation      integer not null,
    year            integer not null,
    region_path     text not null,
    enrolled        bigint not null,
    completed       bigint not null
);

create index training_delivered_idx on analytics.training_delivered (generation, region_path text_pattern_ops);

-- ANA-2: one observation per person, year and source (the mean of their months that year, placed where they last
-- worked); offered wages one per posting or demand item
create table analytics.wage_observation (
    generation       integer not null,
    year             integer not null,
    source           text not null check (source in ('WAGE_SURVEY', 'SOCIAL_INSURANCE', 'JOB_POSTING', 'DEMAND')),
    region_path      text not null,
    grade            text not null,                 -- a grade code or 'none'
    occupation_group text not null,                 -- 中类, e.g. 6-18
    wage             double precision not null
);

create index wage_observation_idx on analytics.wage_observation (generation, year, source, region_path text_pattern_ops);

-- ANA-2: wage cells per county; grade '*' or occupation_group '*' for all of them. Quartiles exact per cell; the
-- t-digest of the cell for merging cells when drilling up (ADR 0010)
create table analytics.wage_cell (
    generation       integer not null,
    year             integer not null,
    source           text not null,
    region_path      text not null,
    grade            text not null,
    occupation_group text not null,
    persons          bigint not null,
    in_band          bigint not null,
    below_band       bigint not null,
    p25              double precision not null,
    p50              double precision not null,
    p75              double precision not null,
    digest           bytea not null
);

create index wage_cell_idx on analytics.wage_cell (generation, year, source, region_path text_pattern_ops);
