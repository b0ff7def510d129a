-- X-5 (issue 18): sign-ins (≈ 20 M a year at province scale, never updated) in 16 hash partitions of the session,
-- the key they would be distributed on (docs/scaling.md): a session's sign-ins and the insert's conflict check read
-- one partition; a trainee's count reads the small enrolment index of each. An upgraded database's sign-ins are
-- moved over once, in this migration.
alter table training.attendance rename to attendance_unpartitioned;

create table training.attendance
    (like training.attendance_unpartitioned including defaults including constraints)
    partition by hash (session_id);

do $$
begin
    for remainder in 0..15 loop
        execute format('create table training.attendance_p%s partition of training.attendance '
                       'for values with (modulus 16, remainder %s)', lpad(remainder::text, 2, '0'), remainder);
    end loop;
end
$$;

insert into training.attendance select * from training.attendance_unpartitioned;
drop table training.attendance_unpartitioned;

alter table training.attendance add primary key (session_id, enrolment_id);
alter table training.attendance add foreign key (session_id) references training.class_session (id);
alter table training.attendance add foreign key (enrolment_id) references training.enrolment (id);
create index attendance_enrolment_idx on training.attendance (enrolment_id);
