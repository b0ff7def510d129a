-- X-2 / MLPS level 3: who did what, when, from where, with what outcome. Append-only and hash-chained (SM3):
-- each row's hash covers its content and the previous row's hash, so an edited or deleted row breaks the chain.
create schema if not exists audit;

create table audit.audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null,
    account        text,                 -- username, or what was typed at a failed login
    role           text,
    scope          text,
    action         text not null,        -- login, login.failed, account.create, region.mountain-county.change …
    target         text,
    outcome        text not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    client_address text,
    detail         text,
    previous_hash  bytea,
    hash           bytea not null
);

create index audit_event_occurred_idx on audit.audit_event (occurred_at);
create index audit_event_account_idx on audit.audit_event (account, occurred_at);

-- Rows are kept at least 180 days (MLPS: six months); nothing is ever changed.
create function audit.forbid_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.occurred_at < now() - interval '180 days' then
        return old;
    end if;
    raise exception 'audit events are append-only (% refused)', tg_op;
end
$$;

create trigger audit_event_append_only
    before update or delete on audit.audit_event
    for each row execute function audit.forbid_change();
