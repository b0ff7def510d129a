-- The chain's newest link, kept apart from the rows: deleting the newest rows leaves no later row to break the
-- chain, but it no longer matches this head. Written in the same transaction as every append.
create table audit.chain_head (
    singleton  boolean primary key default true check (singleton),
    last_id    bigint not null,
    last_hash  bytea not null
);

insert into audit.chain_head (last_id, last_hash)
select id, hash from audit.audit_event order by id desc limit 1;
