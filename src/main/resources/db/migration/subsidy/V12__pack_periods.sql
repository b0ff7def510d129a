-- SUB-2: a pack holds for the period its document states. Shaoxing's 实施意见 covers 2022-2025: from 2026 its
-- uplift and enterprise schemes are no longer in force unless the city publishes a successor, and a certificate
-- outside every city pack is decided under the province's rules alone. Decisions already made keep the version
-- they were made under; only the period, which the document always stated, is recorded.
alter table subsidy.policy_pack add column effective_until date;
alter table subsidy.policy_pack add constraint policy_pack_period_check
    check (effective_until is null or effective_until >= effective_from);
update subsidy.policy_pack set effective_until = date '2025-12-31'
where scope_region = '330600' and source like '绍兴市实施意见（2022-2025年）%';
