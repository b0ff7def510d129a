-- SUB-1..3: policy packs as versioned data, decisions made without application and never twice, budgets.
create schema if not exists subsidy;

-- A pack's parameters for a scope (the province, or a city adding to it) from a date; a version that has decided
-- something is never edited: a change is a new version.
create table subsidy.policy_pack (
    id              bigint generated always as identity primary key,
    scope_region    text not null,
    scope_path      text not null,
    version         integer not null,
    effective_from  date not null,
    title           text not null,
    source          text not null,
    parameters      jsonb not null,
    status          text not null check (status in ('DRAFT', 'PUBLISHED')),
    published_by    text,
    published_at    timestamptz,
    unique (scope_region, version)
);

-- One decision per certificate (business key); one granted training subsidy per person, occupation and grade, held
-- by the database whatever races.
create table subsidy.decision (
    id                 bigint generated always as identity primary key,
    scheme             text not null,
    business_key       text not null unique,
    certificate_id     bigint,
    certificate_number text,
    holder_index       bytea not null,
    beneficiary_masked text not null,
    occupation_code    text,
    grade              text,
    year               integer not null,
    paying_region      text,
    paying_path        text,
    outcome            text not null check (outcome in ('GRANTED', 'DENIED', 'WAITING')),
    code               text,
    amount             numeric,
    policy_versions    text not null,
    steps              jsonb not null,
    decided_at         timestamptz not null default now()
);

create unique index decision_entitlement_idx on subsidy.decision (holder_index, occupation_code, coalesce(grade, ''))
    where scheme = 'TRAINING' and outcome = 'GRANTED';
create index decision_holder_year_idx on subsidy.decision (holder_index, year) where outcome = 'GRANTED';
create index decision_paying_idx on subsidy.decision (paying_path text_pattern_ops, outcome);

-- 职业技能提升行动专账: what a paying region may commit in a year
create table subsidy.budget (
    region_code     text not null,
    year            integer not null,
    allocated       numeric not null check (allocated >= 0),
    committed       numeric not null default 0 check (committed >= 0 and committed <= allocated),
    primary key (region_code, year)
);

-- The demo standards are illustrative (示例标准): the policies set none for the province.
insert into subsidy.policy_pack (scope_region, scope_path, version, effective_from, title, source, parameters, status,
    published_by, published_at) values
('330000', '/330000/', 1, '2022-04-29', '省职业技能培训补贴（示例标准）', '浙人社发〔2022〕32号 §13', '{
  "illustrative": true,
  "standards": {
    "skill-level": {"junior": 1000, "intermediate": 1500, "senior": 2000, "technician": 2500, "senior-technician": 3000},
    "vocational-qualification": {"junior": 1000, "intermediate": 1500, "senior": 2000, "technician": 2500, "senior-technician": 3000},
    "special-ability": 500,
    "training-completion": 300
  },
  "maxPerYear": 3,
  "shortageUpliftPercent": 20,
  "mountainUpliftPercent": 10,
  "retiredWithoutPensionEnabled": false
}', 'PUBLISHED', 'migration', now()),
('330600', '/330000/330600/', 1, '2022-07-01', '绍兴市制造业紧缺领域培训补贴上浮', '绍兴市实施意见（2022-2025年） 三、（二）4', '{
  "keyFieldUpliftPercent": 30,
  "keyFields": {"6-18": "高端装备", "6-19": "高端装备", "6-20": "高端装备", "6-21": "高端装备", "6-12": "新材料",
                "6-13": "新材料", "6-25": "电子信息", "6-12-03": "现代医药"}
}', 'PUBLISHED', 'migration', now());
