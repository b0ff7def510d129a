-- X-2 (issue 19): an uploaded file (full ID numbers) is deleted once its job has been finished for the retention
-- period; the job, its counts and its row errors stay.
alter table imports.import_job add column file_deleted_at timestamptz;
create index import_job_file_kept_idx on imports.import_job (finished_at) where file_deleted_at is null;
