-- SUB-4 (issue 16): Shaoxing's 第17条 gives the technician allowance (政府岗位津贴) to the worker in post (在岗职工),
-- not to the employer that claims it: each month is paid to the worker's own social security card unless the
-- city's pack says the employer passes it on (payee EMPLOYER). Months already decided keep their payee.
alter table subsidy.allowance_schedule add column payee text not null default 'WORKER'
    check (payee in ('WORKER', 'EMPLOYER'));

-- the decision shows its payee, and the account columns came after the view was last made: made again
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
