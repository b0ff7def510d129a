-- SUB-3, SUB-4 (issue 17): every state a decision, batch, line, claim, override and pack can be in is checked since
-- V1/V3 and read into Java enums (Outcome, BatchStatus, PaymentStatus, ClaimStatus). The funding source was checked
-- only on budgets: the decisions, batches and allowance schedules that name one now hold the same five.
alter table subsidy.decision add constraint decision_funding_source_check
    check (funding_source in ('SKILLS_ACCOUNT', 'EMPLOYMENT_FUND', 'UNEMPLOYMENT_INSURANCE', 'CITY_TALENT_FUND',
                              'INDUSTRY_FUND'));
alter table subsidy.payment_batch add constraint payment_batch_funding_source_check
    check (funding_source in ('SKILLS_ACCOUNT', 'EMPLOYMENT_FUND', 'UNEMPLOYMENT_INSURANCE', 'CITY_TALENT_FUND',
                              'INDUSTRY_FUND'));
alter table subsidy.allowance_schedule add constraint allowance_schedule_funding_source_check
    check (funding_source in ('SKILLS_ACCOUNT', 'EMPLOYMENT_FUND', 'UNEMPLOYMENT_INSURANCE', 'CITY_TALENT_FUND',
                              'INDUSTRY_FUND'));
