-- X-4: officers filter decisions by the day the certificate was issued; the frozen inputs have it, a column finds it.
-- Claims' decisions have no certificate and leave it empty.
alter table subsidy.decision add column issued_on date;
update subsidy.decision set issued_on = cast(inputs ->> 'issuedOn' as date)
where inputs is not null and inputs ->> 'issuedOn' is not null;

-- the view lists the decision's columns as they were when it was made: made again, with the new one
drop view subsidy.decision_in_effect;
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
