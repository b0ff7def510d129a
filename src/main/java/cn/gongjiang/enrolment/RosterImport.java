package cn.gongjiang.enrolment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.security.Actor;

/**
 * Rosters of general high schools and other secondary vocational schools from the education department (kind
 * {@code education-rosters}, ENR-3): who is enrolled where, so a technical school cannot register them too. Merged by
 * person and school; the duplicate batch runs when the import completes.
 */
@Component
class RosterImport extends StagedImport {

	static final String KIND = "education-rosters";
	static final String ID_NUMBER = "身份证号", NAME = "姓名", SCHOOL = "学校名称", TYPE = "学校类型", STATUS = "学籍状态";
	static final Map<String, String> TYPES = Map.of("普通高中", "GENERAL_HIGH_SCHOOL", "GENERAL_HIGH_SCHOOL",
			"GENERAL_HIGH_SCHOOL", "中等职业学校", "SECONDARY_VOCATIONAL", "中职", "SECONDARY_VOCATIONAL",
			"SECONDARY_VOCATIONAL", "SECONDARY_VOCATIONAL");
	static final Map<String, String> STATUSES = Map.of("在籍", "ENROLLED", "ENROLLED", "ENROLLED", "毕业", "GRADUATED",
			"GRADUATED", "GRADUATED", "离校", "LEFT", "退学", "LEFT", "LEFT", "LEFT");

	private final PersonalDataCipher cipher;

	RosterImport(JdbcClient jdbc, PersonalDataCipher cipher) {
		super(KIND, List.of(ImportColumn.required(ID_NUMBER, "18位居民身份证号"), ImportColumn.required(NAME, "学生姓名"),
				ImportColumn.required(SCHOOL, "学校全称"), ImportColumn.required(TYPE, "普通高中 或 中等职业学校"),
				ImportColumn.required(STATUS, "在籍、毕业、离校")),
				"enrolment.roster_staging", List.of("person_index", "id_number_masked", "name", "school_name",
						"school_type", "status"), jdbc);
		this.cipher = cipher;
	}

	/** Rosters come to the province and the cities from the education department. */
	@Override
	public boolean mayImport(Actor actor) {
		return actor.regionalOfficer();
	}

	@Override
	public RowChecker checker(Actor actor) {
		var rows = rowCheck();
		return row -> rows.check(row, () -> {
			var errors = new ArrayList<RowError>();
			IdNumber id = null;
			try {
				id = IdNumber.parse(row.get(ID_NUMBER));
			}
			catch (InvalidValueException e) {
				errors.add(RowError.of(row.number(), ID_NUMBER, e.code()));
			}
			var type = TYPES.get(row.get(TYPE));
			if (type == null) {
				errors.add(RowError.of(row.number(), TYPE, "enrolment.roster.school-type", row.get(TYPE)));
			}
			var status = STATUSES.get(row.get(STATUS));
			if (status == null) {
				errors.add(RowError.of(row.number(), STATUS, "enrolment.roster.status", row.get(STATUS)));
			}
			if (!errors.isEmpty()) {
				return CheckedRow.rejected(errors);
			}
			return CheckedRow.staged(Arrays.asList(cipher.index(id).copyText(), id.masked(),
					row.get(NAME), row.get(SCHOOL), type, status));
		});
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return duplicatesInFile(job, "person_index, school_name", ID_NUMBER);
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = staged(job, fromRow, toRow);
		var changed = overRows("""
				with merged as (
				    insert into enrolment.roster_entry as t (person_index, id_number_masked, name, school_name,
				        school_type, status, imported_by_job)
				    select person_index, id_number_masked, name, school_name, school_type, status, job_id
				    from enrolment.roster_staging where job_id = :job and row_number between :from and :to
				    on conflict (person_index, school_name) do update set name = excluded.name,
				        school_type = excluded.school_type, status = excluded.status,
				        imported_by_job = excluded.imported_by_job, updated_at = now()
				    where (t.name, t.school_type, t.status) is distinct from (excluded.name, excluded.school_type, excluded.status)
				    returning 1
				) select count(*) from merged
				""", job, fromRow, toRow).query(Integer.class).single();
		return new MergeCounts(changed, staged - changed);
	}
}
