-- REC-2: a person's suggestions read the open postings of a few middle groups of the classification (中类, e.g.
-- 6-18), soonest closing first; one index range per group, already in that order, keeps it a short read at 200 k
-- open postings (LIKE ANY over an array cannot use an index)
alter table recruitment.job
    add column occupation_group text generated always as (split_part(occupation_code, '-', 1) || '-'
        || split_part(occupation_code, '-', 2)) stored;

create index job_open_group_idx on recruitment.job (occupation_group, closes_on, id) where status = 'OPEN';
