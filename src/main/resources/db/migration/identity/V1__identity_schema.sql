-- X-1: accounts, each bound to one role and one data scope; API tokens.
create schema if not exists identity;

create table identity.account (
    id               bigint generated always as identity primary key,
    username         text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name     text not null,
    password_hash    text not null,
    role             text not null check (role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDITOR', 'PROVINCE_OFFICER',
                                                   'CITY_OFFICER', 'COUNTY_OFFICER', 'DEPARTMENT_OFFICER', 'ENTERPRISE',
                                                   'TRAINING_PROVIDER', 'TECHNICAL_SCHOOL', 'WORKER')),
    scope_kind       text not null check (scope_kind in ('NONE', 'REGION', 'DEPARTMENT', 'ORGANISATION', 'PERSON')),
    scope_value      text,
    scope_path       text,                -- materialised region path for REGION scopes
    totp_secret      text,                -- base32; null until enrolled
    totp_last_step   bigint,              -- the last time step accepted, so a code works once
    totp_exempt      boolean not null default false, -- demo accounts in demo mode only
    failed_attempts  integer not null default 0,
    locked_until     timestamptz,
    enabled          boolean not null default true,
    last_login_at    timestamptz,
    password_changed_at timestamptz not null default now(),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer not null default 0,
    check ((scope_kind = 'REGION') = (scope_path is not null)),
    check ((scope_kind = 'NONE') = (scope_value is null))
);

create index account_scope_path_idx on identity.account (scope_path text_pattern_ops);

create table identity.api_token (
    token_hash   bytea primary key,        -- SHA-256 of the token; the token itself is never stored
    account_id   bigint not null references identity.account (id) on delete cascade,
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,     -- slides with use, up to max_expires_at
    max_expires_at timestamptz not null,
    revoked_at   timestamptz
);

create index api_token_account_idx on identity.api_token (account_id);
