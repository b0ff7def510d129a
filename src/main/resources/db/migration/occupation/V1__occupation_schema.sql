-- REF-2: the national occupational classification (职业分类大典 2022). Training, certificates, demand and jobs
-- all carry a code from here.
create schema if not exists occupation;

create table occupation.occupation (
    code        text primary key,          -- 6, 6-18, 6-18-01, 6-18-01-01
    name        text not null,
    level       smallint not null check (level between 1 and 4), -- 大类, 中类, 小类, 细类
    parent_code text references occupation.occupation (code),
    gbm_code    text,                      -- GB/T 6565 numeric code, levels 1-3
    green       boolean,                   -- 绿色职业 (L); null where the source does not say
    digital     boolean,                   -- 数字职业 (S)
    alias       text,                      -- the second source's name where the two differ
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create index occupation_parent_idx on occupation.occupation (parent_code);
