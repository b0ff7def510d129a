-- issue 17, TGT-1, TGT-2, TGT-5: a task line's responsible departments as rows, in the order 附件1 lists them, instead
-- of a text[] on the line and '、'-joined text on its targets and returns (matched by string_to_array). A department
-- figure belongs to its task line, so its departments are the line's; targets and returns keep only the line.
create table targets.task_line_department (
    task_line_id  integer not null references targets.task_line (id),
    position      integer not null,
    department    text not null,
    primary key (task_line_id, department),
    unique (task_line_id, position)
);

create index task_line_department_idx on targets.task_line_department (department, task_line_id);

insert into targets.task_line_department (task_line_id, position, department)
select l.id, d.position, d.department
from targets.task_line l cross join unnest(l.departments) with ordinality d(department, position);

-- every department figure stored so far names exactly its line's departments: refuse to drop anything else
do $$
declare
    strays bigint;
begin
    select count(*) into strays from (
        select t.department, t.task_line_id from targets.target t where t.department is not null
        union all
        select r.department, r.task_line_id from targets.return_report r where r.department is not null
    ) f
    where f.task_line_id is null or f.department is distinct from (select string_agg(d.department, '、' order by d.position)
        from targets.task_line_department d where d.task_line_id = f.task_line_id);
    if strays > 0 then
        raise exception '% department targets or returns name departments other than their task line''s', strays;
    end if;
end $$;

-- dropping a column drops its checks and the identity indexes it is part of; they come back without it
alter table targets.target drop column department;
alter table targets.target add constraint target_owner_check check ((region_code is null) = (task_line_id is not null));
create unique index target_identity_idx on targets.target (indicator, coalesce(region_code, ''),
    coalesce(task_line_id, 0), coalesce(label, ''), period_start, period_end, document);

alter table targets.return_report drop column department;
alter table targets.return_report add constraint return_report_owner_check
    check ((region_code is null) = (task_line_id is not null));
create unique index return_identity_idx on targets.return_report (indicator, coalesce(region_code, ''),
    coalesce(task_line_id, 0), coalesce(label, ''), as_of);

alter table targets.return_staging drop column department;

alter table targets.task_line drop column departments;
