-- X-4, X-5 (issue 18): the persons list by name is keyset-paged on (name, id), and a name search lists its matches
-- newest first (order by id); both read this index in order and stop after a page. The single-column name index made
-- a common name (张伟: thousands in a province of 40 M) fetch and sort every match before the first page.
create index person_name_id_idx on registry.person (name, id);
drop index registry.person_name_idx;
