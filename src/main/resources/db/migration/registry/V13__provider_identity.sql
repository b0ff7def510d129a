-- The read model other modules may join to name and place a training provider or school (certification files
-- evaluation bodies by it), nothing more.
create view registry.provider_identity as
    select credit_code, name, kind, region_path, status from registry.provider;
