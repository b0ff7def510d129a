-- CRT-1: certificates of the four types (REF-4), attached to their holder by the ID number's keyed index.
-- Distribution key when one machine is outgrown (Citus): holder_index, so a person's certificates stay together.
create schema if not exists certification;

create table certification.certificate (
    id               bigint generated always as identity primary key,
    number           text not null unique,
    type             text not null check (type in ('vocational-qualification', 'skill-level', 'special-ability',
                                                   'training-completion')),
    holder_index     bytea not null,          -- HMAC-SM3 of the holder's ID number (registry.person.id_number_index)
    holder_name      text not null,
    holder_id_masked text not null,
    occupation_code  text,                    -- REF-2; required for qualification and skill-level certificates
    grade            text,                    -- REF-3 skill grade code
    issuer           text not null,
    issued_on        date not null,
    status           text not null default 'VALID' check (status in ('VALID', 'REVOKED')),
    revoked_reason   text,
    revoked_on       date,
    source           text not null,           -- api:<user>, import:<job>
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer not null default 0,
    check ((status = 'REVOKED') = (revoked_reason is not null))
);

create index certificate_holder_idx on certification.certificate (holder_index);
create index certificate_issued_idx on certification.certificate (issued_on);

create unlogged table certification.certificate_staging (
    job_id           uuid not null,
    row_number       integer not null,
    number           text not null,
    type             text not null,
    holder_index     bytea not null,
    holder_name      text not null,
    holder_id_masked text not null,
    occupation_code  text,
    grade            text,
    issuer           text not null,
    issued_on        date not null,
    primary key (job_id, row_number)
);
