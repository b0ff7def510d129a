-- DEM-1: the same demand line (enterprise, occupation, grade, by when, where) stated again updates it, by form or file.
create unique index demand_item_line_idx on training.demand_item (enterprise_code, occupation_code, coalesce(grade, ''),
    needed_by, place_county) where status = 'OPEN';
