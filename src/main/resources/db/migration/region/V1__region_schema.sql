-- REF-1: the region tree is the backbone of data scope, targets and reports.
create schema if not exists region;

create table region.region (
    code            text primary key,        -- GB/T 2260 (6 digits) to county level, 9 digits for a township
    stats_code      char(12) not null unique, -- 统计用区划代码
    name            text not null,
    level           smallint not null check (level between 1 and 4),
    kind            text not null,            -- 地级市, 市辖区, 县级市, 县, 自治县, 街道, 镇, 乡 …
    parent_code     text references region.region (code),
    path            text not null unique,     -- materialised path '/330000/330600/330603/'
    mountain_county boolean,                  -- 山区26县; null above and below county level
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer not null default 0,
    check ((level = 3) = (mountain_county is not null))
);

-- "everything under this city" is path like '/330000/330600/%'
create index region_path_idx on region.region (path text_pattern_ops);
create index region_parent_idx on region.region (parent_code);
