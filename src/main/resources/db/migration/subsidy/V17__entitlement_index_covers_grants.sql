-- X-5 (issue 18): a person's earlier training grants (the lifetime repeat and three-a-year rules, SUB-1) are read for
-- every certificate decided; the entitlement index leads with the holder and now carries the year and the grade
-- too, so that the read answers from the index (where the decisions' pages are all-visible, as vacuum leaves them)
-- instead of fetching each grant's row from a random page of the decisions. Still the one index of grants.
create unique index decision_entitlement_covering_idx
    on subsidy.decision (holder_index, occupation_code, coalesce(grade, '')) include (year, grade)
    where scheme = 'TRAINING' and outcome = 'GRANTED';

drop index subsidy.decision_entitlement_idx;

alter index subsidy.decision_entitlement_covering_idx rename to decision_entitlement_idx;
