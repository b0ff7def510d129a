-- REC-3: a hire recorded by recruitment enters the person's lifelong archive.
alter table registry.person_event drop constraint person_event_kind_check;
alter table registry.person_event add constraint person_event_kind_check check (kind in ('REGISTERED', 'GRADE',
    'EMPLOYER', 'RESIDENCE', 'ENROLMENT', 'TRAINING', 'SUBSIDY', 'PLACEMENT'));
