-- MLPS: a password set by someone else (a new account, a reset) must be changed by its owner at the next sign-in.
alter table identity.account add column must_change_password boolean not null default false;
