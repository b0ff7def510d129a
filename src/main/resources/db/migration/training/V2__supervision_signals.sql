-- SUP-3: what the anomaly signals read. The device a trainee checked in from (the client address), and refused
-- enrolment attempts (overlap, capacity), kept although the attempt itself was rolled back.
alter table training.attendance add column device text;

create table training.refusal (
    id               bigint generated always as identity primary key,
    class_id         bigint not null references training.training_class (id),
    code             text not null,
    person_masked    text not null,
    refused_at       timestamptz not null default now()
);

create index refusal_class_idx on training.refusal (class_id);
