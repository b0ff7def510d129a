-- SUB-3 (issue 16): a certificate with no training on the platform was decided (denied) with no county, so no officer
-- listed it. The county that answers for such a decision is where the holder is registered (residence, else hukou
-- in Zhejiang), else the province.
update subsidy.decision d
set paying_path = coalesce(p.region_path, '/330000/'),
    paying_region = substring(coalesce(p.region_path, '/330000/') from '/(\d+)/$')
from (select d2.id, (select i.region_path from registry.person_identity i
                     where i.id_number_index = d2.holder_index and i.region_path like '/330000/_%') as region_path
      from subsidy.decision d2 where d2.paying_path is null and d2.holder_index is not null) p
where d.id = p.id;
