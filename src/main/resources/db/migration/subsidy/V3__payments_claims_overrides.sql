-- SUB-3, SUB-4, SUB-5: frozen inputs, the payee, overrides, reversal, payment batches, enterprise claims.

-- A decision keeps what it was decided on (the inputs, frozen) and whom it pays: a person (the social security
-- card account, 社保卡) or an organisation (the account it gave with its claim). The funding source and the period
-- ('2026' for a person-year, '2026-03' for a monthly allowance) are part of what makes an entitlement unique.
-- Steps and inputs are read back whole, never searched inside: json (checked, stored as written) costs a bulk
-- decision far less than jsonb (parsed into a tree on every insert); see BENCHMARKS.md.
alter table subsidy.decision alter column steps type json;
alter table subsidy.decision
    add column inputs           json,
    add column person_id        bigint,
    add column beneficiary_kind text not null default 'PERSON' check (beneficiary_kind in ('PERSON', 'ORGANISATION')),
    add column beneficiary_code text,
    add column beneficiary_name text,
    add column bank_account     text,
    add column funding_source   text not null default 'SKILLS_ACCOUNT',
    add column period           text,
    add column claim_id         bigint,
    add column reversed_reason  text,
    add column recovery_due     boolean not null default false;

alter table subsidy.decision drop constraint decision_outcome_check;
alter table subsidy.decision add constraint decision_outcome_check
    check (outcome in ('GRANTED', 'DENIED', 'WAITING', 'REVERSED'));

create index decision_person_idx on subsidy.decision (person_id);
create index decision_certificate_idx on subsidy.decision (certificate_id);
create index decision_claim_idx on subsidy.decision (claim_id) where claim_id is not null;

-- An officer's override of a decision: always with a reason and an expiry, audited; the newest one not withdrawn
-- and not expired is in effect.
create table subsidy.override (
    id           bigint generated always as identity primary key,
    decision_id  bigint not null references subsidy.decision (id),
    outcome      text not null check (outcome in ('GRANTED', 'DENIED')),
    amount       numeric check (amount is null or amount > 0),
    reason       text not null check (length(btrim(reason)) >= 4),
    expires_on   date not null,
    made_by      text not null,
    made_at      timestamptz not null default now(),
    lapsed       boolean not null default false
);
create index override_decision_idx on subsidy.override (decision_id);

-- Payment batches per paying region and funding source: assembled (in chunks, resumable), approved by a second
-- officer, sent as a bank file, settled line by line from the bank's statement.
create table subsidy.payment_batch (
    id              bigint generated always as identity primary key,
    paying_region   text not null,
    paying_path     text not null,
    funding_source  text not null,
    status          text not null check (status in ('ASSEMBLING', 'DRAFT', 'APPROVED', 'SENT', 'CLOSED')),
    line_count      integer not null default 0,
    total           numeric not null default 0,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    approved_by     text,
    approved_at     timestamptz,
    sent_by         text,
    sent_at         timestamptz,
    file_sha256     text
);

-- A decision is in at most one live line: a failed line lets it return to the queue, nothing else does.
create table subsidy.payment_line (
    id              bigint generated always as identity primary key,
    batch_id        bigint not null references subsidy.payment_batch (id),
    decision_id     bigint not null references subsidy.decision (id),
    amount          numeric not null check (amount > 0),
    status          text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'PAID', 'FAILED')),
    failure_reason  text,
    bank_reference  text,
    settled_at      timestamptz
);
create unique index payment_line_once_idx on subsidy.payment_line (decision_id) where status <> 'FAILED';
create index payment_line_batch_idx on subsidy.payment_line (batch_id, id);
create index payment_line_decision_idx on subsidy.payment_line (decision_id, id);
create index decision_payable_idx on subsidy.decision (paying_region, funding_source, id);

-- bank-statement import: one row per line the bank reports on
create table subsidy.statement_staging (
    job_id          uuid not null,
    row_number      integer not null,
    line_id         bigint,
    amount          numeric,
    paid            boolean,
    failure_reason  text,
    bank_reference  text,
    primary key (job_id, row_number)
);

-- SUB-4: an organisation's claim under one of the city's enterprise schemes, with its evidence, through review.
create table subsidy.claim (
    id              bigint generated always as identity primary key,
    scheme          text not null,
    claimant_code   text not null,
    claimant_name   text not null,
    claimant_path   text not null,
    person_index    bytea,
    person_id       bigint,
    person_masked   text,
    period          text not null,
    evidence        jsonb not null,
    amount          numeric not null check (amount > 0),
    bank_account    text not null,
    status          text not null check (status in ('SUBMITTED', 'REVIEWED', 'APPROVED', 'REJECTED')),
    reason          text,
    submitted_by    text not null,
    submitted_at    timestamptz not null default now(),
    reviewed_by     text,
    reviewed_at     timestamptz,
    decided_by      text,
    decided_at      timestamptz,
    pack_version    text not null,
    steps           jsonb not null
);
create index claim_path_idx on subsidy.claim (claimant_path text_pattern_ops, status);
create index claim_claimant_idx on subsidy.claim (claimant_code, submitted_at desc);

-- A monthly allowance (技师津贴) runs on a schedule: a month is decided when it is due and the holder still works
-- for the claimant; the schedule ends at its last month or when they leave.
create table subsidy.allowance_schedule (
    claim_id        bigint primary key references subsidy.claim (id),
    first_month     date not null,
    months          integer not null check (months between 1 and 36),
    monthly_amount  numeric not null,
    employer_code   text not null,
    accrued_through date,
    ended_on        date,
    ended_reason    text
);

-- a claim for an organisation (a training base) has no person
alter table subsidy.decision alter column holder_index drop not null;

-- Shaoxing's enterprise schemes (004), as a new version of its pack: version 1 has decided certificates and is
-- never edited. Amounts are the document's; the funding source is the city's talent fund (示例).
insert into subsidy.policy_pack (scope_region, scope_path, version, effective_from, title, source, parameters, status,
    published_by, published_at)
select '330600', '/330000/330600/', 2, '2022-07-01', '绍兴市技能人才政策（培训上浮与企业补贴）',
       '绍兴市实施意见（2022-2025年） 第4、6、7、8、10、11、17条', parameters || '{
  "schemes": {
    "DIRECTED_TRAINING":   {"perPersonYear": 5000, "maxYears": 2, "clause": "第11条 定向培养"},
    "APPRENTICESHIP":      {"perPersonYear": 6000, "maxYears": 2, "clause": "第11条 新型学徒制"},
    "TECHNICIAN_ALLOWANCE":{"technicianMonthly": 500, "seniorMonthly": 1000, "maxMonths": 36,
                            "manufacturingFields": ["advanced-manufacturing", "sx-high-end-equipment", "sx-new-materials",
                                                   "sx-electronic-info", "sx-modern-medicine"],
                            "clause": "第17条 高技能人才岗位津贴"},
    "PROJECT_HIRE":        {"perPerson": 500, "minGrade": "intermediate", "clause": "第8条 重大项目首期投产招引"},
    "PARTNER_SCHOOL":      {"seniorClass": 2000, "technicianClass": 3000, "clause": "第10条 合作办学顶岗实习"},
    "PARTNER_RETENTION":   {"perYearStudied": 2000, "minInsuranceMonths": 6, "minContractYears": 1,
                            "clause": "第10条 毕业留绍培养补助"},
    "TRAINING_BASE":       {"once": 500000, "clause": "第6条 市级公共实训基地"},
    "OVERSEAS_TRAINING":   {"maxPerPerson": 50000, "maxDays": 31, "clause": "第7条 国（境）外培训"},
    "STUDY_TOUR":          {"maxInProvince": 10000, "maxOutside": 20000, "clause": "第7条 精英越匠研修"}
  },
  "schemeFundingSource": "CITY_TALENT_FUND"
}'::jsonb, 'PUBLISHED', 'migration', now()
from subsidy.policy_pack where scope_region = '330600' and version = 1;

-- What a decision is in effect: the officer's override while it holds, else the rules' outcome; and where its
-- payment stands (the newest line: a failed line means back in the queue).
create view subsidy.decision_in_effect as
select d.*,
       coalesce(o.outcome, d.outcome) as effective_outcome,
       case when o.id is null then d.amount else coalesce(o.amount, d.amount) end as effective_amount,
       o.id as override_id, o.reason as override_reason, o.expires_on as override_expires_on, o.made_by as override_by,
       coalesce(l.status, 'UNPAID') as payment_status, l.failure_reason as payment_failure, l.batch_id
from subsidy.decision d
left join lateral (
    select * from subsidy.override o where o.decision_id = d.id and not o.lapsed order by o.id desc limit 1
) o on true
left join lateral (
    select * from subsidy.payment_line l where l.decision_id = d.id order by l.id desc limit 1
) l on true;
