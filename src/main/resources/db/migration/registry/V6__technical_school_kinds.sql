-- ENR-1: the three kinds of technical school (技工学校, 高级技工学校, 技师学院) in place of one "technical college";
-- the lifelong archive records enrolment (学籍) changes too.
alter table registry.provider drop constraint provider_kind_check;
update registry.provider set kind = 'TECHNICIAN_COLLEGE' where kind = 'TECHNICAL_COLLEGE';
alter table registry.provider add constraint provider_kind_check check (kind in ('TECHNICAL_SCHOOL',
    'SENIOR_TECHNICAL_SCHOOL', 'TECHNICIAN_COLLEGE', 'VOCATIONAL_SCHOOL', 'UNIVERSITY', 'PRIVATE_INSTITUTION',
    'ENTERPRISE_CENTRE', 'ONLINE_PLATFORM'));

alter table registry.person_event drop constraint person_event_kind_check;
alter table registry.person_event add constraint person_event_kind_check check (kind in ('REGISTERED', 'GRADE',
    'EMPLOYER', 'RESIDENCE', 'ENROLMENT', 'TRAINING'));
