-- SUB-3 (issue 17): a decision and a payment batch name their funding source from the same five as budgets and
-- allowance schedules (FundingSource); a batch could be opened with any text before, which a bank file then carried.
alter table subsidy.decision add constraint decision_funding_source_check
    check (funding_source in ('SKILLS_ACCOUNT', 'EMPLOYMENT_FUND', 'UNEMPLOYMENT_INSURANCE', 'CITY_TALENT_FUND',
                              'INDUSTRY_FUND'));
alter table subsidy.payment_batch add constraint payment_batch_funding_source_check
    check (funding_source in ('SKILLS_ACCOUNT', 'EMPLOYMENT_FUND', 'UNEMPLOYMENT_INSURANCE', 'CITY_TALENT_FUND',
                              'INDUSTRY_FUND'));
