-- SUP-1, SUP-2: yearly evaluations of private providers, and "double random, one public" (双随机、一公开) inspections.
create schema if not exists supervision;

create table supervision.rating (
    provider_code  text not null,
    year           integer not null,
    score          numeric not null check (score between 0 and 100),
    stars          smallint not null check (stars between 1 and 5),
    basis          text not null,
    rated_by       text not null,
    rated_at       timestamptz not null default now(),
    primary key (provider_code, year)
);

-- the pool inspectors are drawn from
create table supervision.inspector (
    id             bigint generated always as identity primary key,
    name           text not null,
    organisation   text not null,
    region_path    text not null,
    active         boolean not null default true
);

create table supervision.draw (
    id             bigint generated always as identity primary key,
    population     text not null check (population in ('CLASSES', 'PROVIDERS')),
    region_path    text not null,
    seed           bigint not null,
    target_count   integer not null check (target_count > 0),
    drawn_by       text not null,
    drawn_at       timestamptz not null default now(),
    published_at   timestamptz
);

create table supervision.draw_target (
    draw_id        bigint not null references supervision.draw (id),
    target_kind    text not null,
    target_id      text not null,
    target_name    text not null,
    inspectors     text[] not null,
    outcome        text check (outcome in ('COMPLIANT', 'ISSUES_FOUND')),
    finding        text,
    recorded_by    text,
    recorded_at    timestamptz,
    primary key (draw_id, target_kind, target_id)
);
