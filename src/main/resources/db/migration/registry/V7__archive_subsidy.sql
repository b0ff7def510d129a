-- SUB-3: the beneficiary sees each subsidy decision, and why, on their lifelong archive.
alter table registry.person_event drop constraint person_event_kind_check;
alter table registry.person_event add constraint person_event_kind_check check (kind in ('REGISTERED', 'GRADE',
    'EMPLOYER', 'RESIDENCE', 'ENROLMENT', 'TRAINING', 'SUBSIDY'));
