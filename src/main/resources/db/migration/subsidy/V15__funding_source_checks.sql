-- SUB-4 (issue 17): every state a decision, batch, line, claim, override and pack can be in has been checked since
-- V1/V3 and is read into Java enums (Outcome, BatchStatus, PaymentStatus, ClaimStatus). An allowance schedule's
-- funding source was free text: it now holds the five that budgets hold.
alter table subsidy.allowance_schedule add constraint allowance_schedule_funding_source_check
    check (funding_source in ('SKILLS_ACCOUNT', 'EMPLOYMENT_FUND', 'UNEMPLOYMENT_INSURANCE', 'CITY_TALENT_FUND',
                              'INDUSTRY_FUND'));
