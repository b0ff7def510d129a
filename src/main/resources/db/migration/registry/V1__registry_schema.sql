-- REG-1..3: persons, enterprises and training providers. One person, one record, keyed by the ID number's keyed
-- index (HMAC-SM3); the number itself only sealed (SM4-GCM) and, for lists, masked.
-- Distribution key when one machine is outgrown (Citus): person by id_number_index; enterprise and provider by
-- credit_code. Scope columns are materialised region paths, matched with like :path || '%'.
create schema if not exists registry;

create table registry.person (
    id                bigint generated always as identity primary key,
    id_number_index   bytea not null unique,
    id_number_sealed  bytea not null,
    id_number_masked  text not null,                   -- 330102********1234
    name              text not null,
    sex               char(1) not null check (sex in ('M', 'F')),
    birth_date        date not null,
    hukou_region      text,                            -- 户籍地: any GB/T 2260 code, also outside Zhejiang
    hukou_path        text,                            -- set when the hukou is in Zhejiang
    residence_region  text,                            -- 常住地: a county of Zhejiang
    residence_path    text,
    mobile_sealed     bytea,
    mobile_index      bytea,                           -- keyed index: equal numbers, equal index
    mobile_masked     text,
    education         text check (education in ('PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'VOCATIONAL_SECONDARY',
                                                'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE')),
    groups            text[] not null default '{}',    -- person-group codes (REF-5)
    employer_credit_code text,
    salary_band       text check (salary_band in ('BELOW_3K', '3K_5K', '5K_8K', '8K_12K', '12K_20K', 'ABOVE_20K')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           integer not null default 0
);

create index person_residence_path_idx on registry.person (residence_path text_pattern_ops);
create index person_hukou_path_idx on registry.person (hukou_path text_pattern_ops);
create index person_name_idx on registry.person (name);
create index person_employer_idx on registry.person (employer_credit_code);

-- grade and employer history for the lifelong archive (REG-4)
create table registry.person_event (
    id           bigint generated always as identity primary key,
    person_id    bigint not null references registry.person (id),
    occurred_on  date not null,
    kind         text not null check (kind in ('REGISTERED', 'GRADE', 'EMPLOYER', 'RESIDENCE')),
    detail       jsonb not null,
    source       text not null,                        -- import job, api, certificate …
    created_at   timestamptz not null default now()
);

create index person_event_person_idx on registry.person_event (person_id, occurred_on);

create table registry.enterprise (
    id                 bigint generated always as identity primary key,
    credit_code        text not null unique,
    name               text not null,
    region             text not null,                  -- county
    region_path        text not null,
    industry_field     text,                           -- code list industry-field (REF-6)
    cluster            text,                           -- 415X cluster name
    size               text check (size in ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
    key_enterprise     boolean not null default false, -- 重点企业 (000 (一))
    key_reason         text,
    skill_based_status text not null default 'NONE' check (skill_based_status in ('NONE', 'CANDIDATE', 'RECOGNISED')),
    skill_based_year   integer,
    eight_grade_pilot  boolean not null default false, -- 新八级 pilot (001 (七))
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer not null default 0,
    check (not key_enterprise or key_reason is not null),
    check ((skill_based_status = 'RECOGNISED') = (skill_based_year is not null))
);

create index enterprise_region_path_idx on registry.enterprise (region_path text_pattern_ops);
create index enterprise_name_idx on registry.enterprise (name);

create table registry.provider (
    id                  bigint generated always as identity primary key,
    credit_code         text not null unique,
    name                text not null,
    kind                text not null check (kind in ('TECHNICAL_COLLEGE', 'VOCATIONAL_SCHOOL', 'UNIVERSITY',
                                                       'PRIVATE_INSTITUTION', 'ENTERPRISE_CENTRE', 'ONLINE_PLATFORM')),
    licence_number      text,
    licence_valid_until date,
    region              text not null,
    region_path         text not null,
    star_rating         smallint check (star_rating between 1 and 5),
    star_year           integer,
    status              text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'EXITED')),
    status_reason       text,
    status_date         date,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             integer not null default 0,
    check ((star_rating is null) = (star_year is null)),
    check (status = 'ACTIVE' or (status_reason is not null and status_date is not null))
);

create index provider_region_path_idx on registry.provider (region_path text_pattern_ops);
create index provider_name_idx on registry.provider (name);

-- The read model other modules may join for identity checks (certificate holder names), nothing more.
create view registry.person_identity as
    select id as person_id, id_number_index, name from registry.person;
