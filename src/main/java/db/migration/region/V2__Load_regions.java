package db.migration.region;

import cn.gongjiang.database.ReferenceLoad;

/**
 * REF-1: loads the region tree from the CSV kept in resources/reference (provenance in its README): COPY into a
 * staging table, then one set-based insert that derives code, parent and materialised path.
 */
public class V2__Load_regions extends ReferenceLoad {

	public V2__Load_regions() {
		super("reference/regions/zhejiang_divisions_2023.csv", "region_source", """
				level smallint, level_name text, kind text, code text, gb2260_code text, stats_code_12 text,
				name text, parent_code text, city_code text, county_code text, mountain_county_26 text""", """
				insert into region.region (code, stats_code, name, level, kind, parent_code, path, mountain_county)
				select code, stats_code_12, name, level, kind, parent, path, mountain
				from (
				    select case when level = 4 then code else gb2260_code end as code,
				           stats_code_12, name, level, kind,
				           case level when 1 then null
				                      when 2 then '330000'
				                      when 3 then city_code || '00'
				                      else county_code end as parent,
				           case level when 1 then '/330000/'
				                      when 2 then '/330000/' || gb2260_code || '/'
				                      when 3 then '/330000/' || city_code || '00/' || gb2260_code || '/'
				                      else '/330000/' || city_code || '00/' || county_code || '/' || code || '/' end as path,
				           case when level = 3 then trim(mountain_county_26) = 'Y' end as mountain
				    from region_source
				) s
				order by level, code""");
	}
}
