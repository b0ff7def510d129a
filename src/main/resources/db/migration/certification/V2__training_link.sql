-- TRN-4, SUB-1: a certificate issued from a class's results names the enrolment it came from; one imported without
-- it has no known training (subsidy.no-completed-training).
alter table certification.certificate add column training_enrolment_id bigint;
create index certificate_training_idx on certification.certificate (training_enrolment_id)
    where training_enrolment_id is not null;
