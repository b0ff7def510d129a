-- SUB-3 (issue 17): a batch's status changes only from the version the officer saw, so an approval or a first
-- bank-file export lost to a racing officer is refused (409) instead of recorded as done twice.
alter table subsidy.payment_batch add column version integer not null default 0;
