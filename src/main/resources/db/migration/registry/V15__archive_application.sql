-- REG-4 (issue 16): the lifelong archive shows the jobs a person applied for (or was invited to, or applied for at an
-- event), not only the one they were hired into.
alter table registry.person_event drop constraint person_event_kind_check;
alter table registry.person_event add constraint person_event_kind_check check (kind in ('REGISTERED', 'GRADE',
    'EMPLOYER', 'RESIDENCE', 'ENROLMENT', 'TRAINING', 'SUBSIDY', 'PLACEMENT', 'VOUCHER', 'APPLICATION'));
