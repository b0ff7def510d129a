-- REG-4 history, now per statement with transition tables: a bulk merge of 20,000 rows writes its archive lines in
-- one set-based insert instead of 20,000 trigger calls (see BENCHMARKS.md). Same lines as V3 wrote.
drop trigger person_history on registry.person;
drop function registry.record_person_history();

create function registry.record_person_registrations() returns trigger language plpgsql as $$
begin
    insert into registry.person_event (person_id, occurred_on, kind, detail, source)
    select id, current_date, 'REGISTERED',
           jsonb_build_object('residenceRegion', residence_region, 'employer', employer_credit_code), 'registry'
    from registered;
    return null;
end
$$;

create trigger person_registered
    after insert on registry.person
    referencing new table as registered
    for each statement execute function registry.record_person_registrations();

create function registry.record_person_changes() returns trigger language plpgsql as $$
begin
    insert into registry.person_event (person_id, occurred_on, kind, detail, source)
    select n.id, current_date, 'EMPLOYER',
           jsonb_build_object('from', o.employer_credit_code, 'to', n.employer_credit_code), 'registry'
    from changed_new n join changed_old o using (id)
    where n.employer_credit_code is distinct from o.employer_credit_code
    union all
    select n.id, current_date, 'RESIDENCE',
           jsonb_build_object('from', o.residence_region, 'to', n.residence_region), 'registry'
    from changed_new n join changed_old o using (id)
    where n.residence_region is distinct from o.residence_region;
    return null;
end
$$;

create trigger person_changed
    after update on registry.person
    referencing old table as changed_old new table as changed_new
    for each statement execute function registry.record_person_changes();
