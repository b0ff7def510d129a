-- X-3: headers of an uploaded file that no column of its kind reads. The rows are imported without them, and the
-- uploader is told, so a misspelt header (工作单位 for 工作单位统一社会信用代码) never loses data silently.
alter table imports.import_job add column ignored_columns text[] not null default '{}';
