-- REG-4 (issue 16): training vouchers, issued and used, enter the person's lifelong archive.
alter table registry.person_event drop constraint person_event_kind_check;
alter table registry.person_event add constraint person_event_kind_check check (kind in ('REGISTERED', 'GRADE',
    'EMPLOYER', 'RESIDENCE', 'ENROLMENT', 'TRAINING', 'SUBSIDY', 'PLACEMENT', 'VOUCHER'));
