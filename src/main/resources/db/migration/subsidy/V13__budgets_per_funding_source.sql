-- SUB-4: budgets per paying region, funding source (资金渠道, 000 三(二); 003 §19; 004 四(二)) and year. What there was
-- is the skills-upgrading account's (the training subsidy's). Enterprise claims now commit against their own source
-- as training subsidies do.
alter table subsidy.budget add column funding_source text not null default 'SKILLS_ACCOUNT'
    check (funding_source in ('SKILLS_ACCOUNT', 'EMPLOYMENT_FUND', 'UNEMPLOYMENT_INSURANCE', 'CITY_TALENT_FUND',
                              'INDUSTRY_FUND'));
alter table subsidy.budget alter column funding_source drop default;
alter table subsidy.budget drop constraint budget_pkey;
alter table subsidy.budget add primary key (region_code, funding_source, year);

