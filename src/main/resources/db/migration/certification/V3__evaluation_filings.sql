-- CRT-1, SUB-3 (issue 19): who may evaluate which occupation. A training provider or school issues a certificate it
-- evaluated itself (技能等级认定) only for an occupation it is filed for (备案): as a registered social evaluation
-- organisation (社会培训评价组织) or as its own evaluation (自主评价, an enterprise or school evaluating its people).
-- A training-completion certificate (培训合格证书) needs no filing. The filing a certificate was issued under is kept
-- on the certificate; officers' records and imported registers carry none (their source says where they came from).
create table certification.evaluation_filing (
    id               bigint generated always as identity primary key,
    evaluator_code   text not null,           -- the body's unified social credit code (registry.provider)
    evaluator_name   text not null,
    evaluator_path   text not null,           -- the body's region path: whose officers file and withdraw it
    basis            text not null check (basis in ('SOCIAL_ORGANISATION', 'OWN_EVALUATION')),
    occupation_code  text not null,           -- REF-2
    valid_from       date not null,
    valid_until      date,
    filed_by         text not null,
    filed_at         timestamptz not null default now(),
    withdrawn_at     timestamptz,
    withdrawn_by     text,
    withdrawn_reason text,
    check (valid_until is null or valid_until >= valid_from),
    check ((withdrawn_at is null) = (withdrawn_reason is null))
);

-- one standing filing per body and occupation
create unique index evaluation_filing_standing_idx on certification.evaluation_filing (evaluator_code, occupation_code)
    where withdrawn_at is null;
create index evaluation_filing_path_idx on certification.evaluation_filing (evaluator_path);

alter table certification.certificate add column evaluation_filing_id bigint
    references certification.evaluation_filing (id);
