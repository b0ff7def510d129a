-- A trainee's attendance is counted by enrolment (the class page, completing a class); the primary key leads with the
-- session, so without this every count read the whole table: 20 M rows a year at province scale (issue 18).
create index attendance_enrolment_idx on training.attendance (enrolment_id);
