-- X-4, X-5 (issue 18): a name search counts its matches (up to 10,000) from this index alone, the officer's region
-- checked on the two paths it carries. With (name, id) only, a common name read a table page per match: 孙艳, 10,105
-- of 40 M persons, 9,885 pages and 978 ms for the count (the province run of 2026-12-03). Keyset paging by name reads
-- it as before.
create index person_name_idx on registry.person (name, id) include (residence_path, hukou_path);
drop index registry.person_name_id_idx;
