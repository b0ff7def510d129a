-- X-2 (issue 19): an organisation's bank account is personal-grade data: sealed (SM4-GCM) and masked like ID numbers.
-- Rows written before keep their plain column until the application seals them at start and empties it; the partial
-- indexes make "anything left to seal?" instant on a table of millions.
alter table subsidy.claim add column bank_account_sealed bytea, add column bank_account_masked text;
alter table subsidy.decision add column bank_account_sealed bytea, add column bank_account_masked text;
create index claim_bank_account_plain_idx on subsidy.claim (id) where bank_account is not null;
create index decision_bank_account_plain_idx on subsidy.decision (id) where bank_account is not null;
alter table subsidy.claim alter column bank_account drop not null;
