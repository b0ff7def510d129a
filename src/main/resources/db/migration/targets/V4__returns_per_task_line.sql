-- A department reports per task line (and per figure where a line sets several, 网店业主 …), not per indicator:
-- 省人力社保厅 alone owns a dozen training lines.
alter table targets.return_report add column task_line_id integer references targets.task_line (id);
alter table targets.return_report add column label text;
drop index targets.return_identity_idx;
create unique index return_identity_idx on targets.return_report (indicator, coalesce(region_code, ''),
    coalesce(department, ''), coalesce(task_line_id, 0), coalesce(label, ''), as_of);
