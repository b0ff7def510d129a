-- X-1 (issue 19): the chain is an HMAC-SM3 under a key kept out of the database. Rows written before are marked
-- unkeyed; the application re-signs them once at start, after checking their plain SM3 chain still holds.
alter table audit.audit_event add column keyed boolean not null default false;
alter table audit.audit_event alter column keyed set default true;
