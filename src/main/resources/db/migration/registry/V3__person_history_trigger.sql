-- REG-4: a person's registration and every change of employer or residence enter their archive, whichever channel
-- made the change (API, import, later modules): a trigger, so no writer can forget it.
create function registry.record_person_history() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into registry.person_event (person_id, occurred_on, kind, detail, source)
        values (new.id, current_date, 'REGISTERED',
                jsonb_build_object('residenceRegion', new.residence_region, 'employer', new.employer_credit_code),
                'registry');
        return null;
    end if;
    if new.employer_credit_code is distinct from old.employer_credit_code then
        insert into registry.person_event (person_id, occurred_on, kind, detail, source)
        values (new.id, current_date, 'EMPLOYER',
                jsonb_build_object('from', old.employer_credit_code, 'to', new.employer_credit_code), 'registry');
    end if;
    if new.residence_region is distinct from old.residence_region then
        insert into registry.person_event (person_id, occurred_on, kind, detail, source)
        values (new.id, current_date, 'RESIDENCE',
                jsonb_build_object('from', old.residence_region, 'to', new.residence_region), 'registry');
    end if;
    return null;
end
$$;

create trigger person_history
    after insert or update of employer_credit_code, residence_region on registry.person
    for each row execute function registry.record_person_history();
