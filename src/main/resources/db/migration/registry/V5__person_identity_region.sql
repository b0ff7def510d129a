-- TGT-2: other modules may place a person in a region (residence, else hukou in Zhejiang) for counting, nothing more.
create or replace view registry.person_identity as
    select id as person_id, id_number_index, name, coalesce(residence_path, hukou_path) as region_path
    from registry.person;
