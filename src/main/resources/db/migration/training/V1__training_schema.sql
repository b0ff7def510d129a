-- DEM-1..3, TRN-1..5: the order-based training loop (订单式培训) from an enterprise's demand to the certificate.
-- Distribution key when one machine is outgrown (Citus): enterprise_code for demand and orders, class_id for the
-- class's enrolments, sessions and attendance (co-located), person_index for vouchers.
create schema if not exists training;

-- DEM-1: an enterprise's skill demand, submitted by itself or recorded by an officer from a visit or questionnaire
create table training.demand_item (
    id               bigint generated always as identity primary key,
    enterprise_code  text not null,
    enterprise_name  text not null,
    enterprise_path  text not null,
    occupation_code  text not null,
    grade            text,
    headcount        integer not null check (headcount > 0),
    needed_by        date not null,
    monthly_wage     integer check (monthly_wage > 0),
    train_headcount  integer not null default 0 check (train_headcount >= 0),
    place_county     text not null,
    place_path       text not null,
    source           text not null check (source in ('ENTERPRISE', 'VISIT', 'QUESTIONNAIRE', 'REPORT', 'IMPORT')),
    recorded_by      text not null,
    recorded_at      timestamptz not null default now(),
    status           text not null default 'OPEN' check (status in ('OPEN', 'CLOSED'))
);

create index demand_item_path_idx on training.demand_item (place_path text_pattern_ops);
create index demand_item_enterprise_idx on training.demand_item (enterprise_code);

create unlogged table training.demand_staging (
    job_id           uuid not null,
    row_number       integer not null,
    enterprise_code  text not null,
    enterprise_name  text not null,
    enterprise_path  text not null,
    occupation_code  text not null,
    grade            text,
    headcount        integer not null,
    needed_by        date not null,
    monthly_wage     integer,
    train_headcount  integer not null,
    place_county     text not null,
    place_path       text not null,
    source           text not null,
    primary key (job_id, row_number)
);

-- DEM-2: what makes an enterprise "key" (重点企业) besides the officers' own designation; one row, kept by the province
create table training.key_rule (
    id               integer primary key default 1 check (id = 1),
    count_clusters   boolean not null,
    sizes            text[] not null,
    min_headcount    integer not null check (min_headcount > 0),
    updated_by       text not null,
    updated_at       timestamptz not null default now()
);

insert into training.key_rule (count_clusters, sizes, min_headcount, updated_by)
values (true, '{LARGE,MEDIUM}', 20, 'migration');

-- DEM-3: 政府补贴职业技能培训目录
create table training.catalogue_entry (
    id               bigint generated always as identity primary key,
    occupation_code  text not null,
    grade            text,
    standard_yuan    integer not null check (standard_yuan >= 0),
    shortage         boolean not null default false,
    valid_from       date not null,
    valid_until      date,
    basis            text not null,
    updated_by       text not null,
    updated_at       timestamptz not null default now(),
    check (valid_until is null or valid_until >= valid_from)
);

create unique index catalogue_entry_idx on training.catalogue_entry (occupation_code, coalesce(grade, ''), valid_from);

-- TRN-1: an order placed by an enterprise (or a lead enterprise for its supply chain), taken up by a provider
create table training.training_order (
    id               bigint generated always as identity primary key,
    enterprise_code  text not null,
    enterprise_name  text not null,
    enterprise_path  text not null,
    demand_item_id   bigint references training.demand_item (id),
    occupation_code  text not null,
    grade            text,
    headcount        integer not null check (headcount > 0),
    wanted_start     date not null,
    county           text not null,
    county_path      text not null,
    kind             text not null,
    supply_chain     boolean not null default false,
    status           text not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'CLOSED', 'CANCELLED')),
    provider_code    text,
    provider_name    text,
    accepted_at      timestamptz,
    created_by       text not null,
    created_at       timestamptz not null default now()
);

create index training_order_path_idx on training.training_order (county_path text_pattern_ops, status);
create index training_order_enterprise_idx on training.training_order (enterprise_code);

-- TRN-2: a class; its sessions are its timetable
create table training.training_class (
    id               bigint generated always as identity primary key,
    order_id         bigint references training.training_order (id),
    provider_code    text not null,
    provider_name    text not null,
    provider_path    text not null,
    occupation_code  text not null,
    grade            text,
    kind             text not null check (kind in ('PRE_JOB', 'ON_JOB', 'OFF_JOB', 'APPRENTICESHIP', 'PROJECT',
                                                   'NAMED_CLASS', 'ONLINE')),
    capacity         integer not null check (capacity > 0),
    teachers         text[] not null default '{}',
    completion_rate  numeric not null default 0.8 check (completion_rate > 0 and completion_rate <= 1),
    status           text not null default 'OPEN' check (status in ('OPEN', 'FINISHED')),
    code_secret      bytea not null,
    version          integer not null default 0,
    created_at       timestamptz not null default now()
);

create table training.class_session (
    id               bigint generated always as identity primary key,
    class_id         bigint not null references training.training_class (id),
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    place            text not null,                 -- an address, or 线上
    check (ends_at > starts_at)
);

create index class_session_class_idx on training.class_session (class_id, starts_at);

-- TRN-3: real-name enrolment (实名制)
create table training.enrolment (
    id               bigint generated always as identity primary key,
    class_id         bigint not null references training.training_class (id),
    person_index     bytea not null,
    person_id        bigint not null,
    id_number_sealed bytea not null,               -- to name the holder when a certificate is issued from a result
    id_number_masked text not null,
    name             text not null,
    voucher_id       bigint,
    status           text not null default 'ENROLLED' check (status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED',
                                                                       'WITHDRAWN')),
    result           text check (result in ('PASSED', 'FAILED')),
    certificate_number text,
    enrolled_at      timestamptz not null default now(),
    unique (class_id, person_index)
);

create index enrolment_person_idx on training.enrolment (person_index);

create table training.attendance (
    session_id       bigint not null references training.class_session (id),
    enrolment_id     bigint not null references training.enrolment (id),
    method           text not null check (method in ('LIST', 'CODE', 'IMPORT')),
    recorded_at      timestamptz not null default now(),
    recorded_by      text not null,
    primary key (session_id, enrolment_id)
);

-- TRN-5: 职业培训券
create table training.voucher (
    id               bigint generated always as identity primary key,
    person_index     bytea not null,
    person_id        bigint not null,
    catalogue_entry_id bigint not null references training.catalogue_entry (id),
    status           text not null default 'ISSUED' check (status in ('ISSUED', 'REDEEMED', 'TRAINED', 'EVALUATED',
                                                                     'SUBSIDISED', 'RECORDED', 'CANCELLED')),
    enrolment_id     bigint references training.enrolment (id),
    issued_by        text not null,
    issued_at        timestamptz not null default now(),
    valid_until      date not null,
    redeemed_at      timestamptz
);

create index voucher_person_idx on training.voucher (person_index);
create unique index voucher_enrolment_idx on training.voucher (enrolment_id) where enrolment_id is not null;
