-- SUB-2: a draft version remembers who drafted it; another officer publishes it.
alter table subsidy.policy_pack add column drafted_by text;
