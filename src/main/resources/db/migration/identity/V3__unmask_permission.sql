-- X-2: seeing a full ID or mobile number is a permission of its own, granted per account by the security
-- administrator; every use of it is audited.
alter table identity.account add column may_unmask boolean not null default false;
