-- Every index is written by every decision: two that others already cover go. A certificate's decision is found by
-- its business key (TRAINING:certificate:<id>); a person's grants by the entitlement index, which leads with them.
drop index subsidy.decision_certificate_idx;
drop index subsidy.decision_holder_year_idx;
