package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.ImportHandler;
import cn.gongjiang.imports.ImportRow;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.shared.security.Actor;

/** Bulk import of persons (kind {@code persons}): the same checks as the API, every error of a row reported. */
@Component
class PersonImport implements ImportHandler {

	static final String NAME = "姓名", ID_NUMBER = "身份证号", HUKOU = "户籍地区划代码", RESIDENCE = "常住地区划代码",
			MOBILE = "手机号", GROUPS = "人员类别", EDUCATION = "学历", EMPLOYER = "工作单位统一社会信用代码", SEX = "性别",
			BIRTH_DATE = "出生日期", SALARY = "月工资区间";

	/** The column of each {@link PersonDetails} field. */
	private static final Map<String, String> COLUMN = Map.of("idNumber", ID_NUMBER, "name", NAME, "sex", SEX,
			"birthDate", BIRTH_DATE, "hukouRegion", HUKOU, "residenceRegion", RESIDENCE, "mobile", MOBILE, "groups",
			GROUPS, "employerCreditCode", EMPLOYER, "salaryBand", SALARY);

	static final Map<String, Education> EDUCATION_NAMES = Map.ofEntries(Map.entry("小学", Education.PRIMARY),
			Map.entry("初中", Education.JUNIOR_SECONDARY), Map.entry("高中", Education.SENIOR_SECONDARY),
			Map.entry("中专", Education.VOCATIONAL_SECONDARY), Map.entry("中职", Education.VOCATIONAL_SECONDARY),
			Map.entry("技校", Education.VOCATIONAL_SECONDARY), Map.entry("大专", Education.JUNIOR_COLLEGE),
			Map.entry("本科", Education.BACHELOR), Map.entry("硕士", Education.MASTER),
			Map.entry("研究生", Education.MASTER), Map.entry("博士", Education.DOCTORATE));

	private static final Pattern GROUP_SEPARATORS = Pattern.compile("[；;、,，]");

	private static final String COLUMNS = """
			id_number_index, id_number_sealed, id_number_masked, name, sex, birth_date, hukou_region, hukou_path,
			residence_region, residence_path, mobile_sealed, mobile_index, mobile_masked, education, groups,
			employer_credit_code, salary_band""";

	private final PersonRegistry registry;
	private final JdbcClient jdbc;

	PersonImport(PersonRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "persons";
	}

	@Override
	public List<ImportColumn> columns() {
		return List.of(ImportColumn.required(NAME, "实名登记的姓名"),
				ImportColumn.required(ID_NUMBER, "18位居民身份证号；性别、出生日期由号码读出"),
				ImportColumn.optional(HUKOU, "户籍所在县级区划代码（6位，省外亦可）"),
				ImportColumn.required(RESIDENCE, "常住地县级区划代码（6位，浙江省内），决定由哪个人社局管辖"),
				ImportColumn.optional(MOBILE, "11位手机号"),
				ImportColumn.optional(GROUPS, "人员类别名称，多个用；分隔，如 农村转移劳动者；退役军人"),
				ImportColumn.optional(EDUCATION, "小学、初中、高中、中专、大专、本科、硕士、博士"),
				ImportColumn.optional(EMPLOYER, "工作单位的统一社会信用代码"),
				ImportColumn.optional(SEX, "男/女；填写时须与身份证号一致"),
				ImportColumn.optional(BIRTH_DATE, "yyyy-MM-dd；填写时须与身份证号一致"),
				ImportColumn.optional(SALARY, SalaryBand.listed()));
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.regionalOfficer();
	}

	@Override
	public String stagingTable() {
		return "registry.person_staging";
	}

	@Override
	public List<String> stagingColumns() {
		return Arrays.stream(COLUMNS.split(",")).map(String::strip).toList();
	}

	@Override
	public RowChecker checker(Actor actor) {
		var check = registry.check(); // reference data read once per file, not once per row
		return row -> check(row, actor, check);
	}

	private CheckedRow check(ImportRow row, Actor actor, PersonCheck checker) {
		var errors = new ArrayList<RowError>();
		var education = row.get(EDUCATION);
		Education parsedEducation = null;
		if (education != null) {
			parsedEducation = EDUCATION_NAMES.get(education);
			if (parsedEducation == null) {
				try {
					parsedEducation = Education.valueOf(education);
				}
				catch (IllegalArgumentException e) {
					errors.add(RowError.of(row.number(), EDUCATION, "person.education.unknown", education));
				}
			}
		}
		LocalDate birth = null;
		var birthText = row.get(BIRTH_DATE);
		if (birthText != null) {
			try {
				birth = LocalDate.parse(birthText.replace('/', '-').substring(0, Math.min(10, birthText.length())));
			}
			catch (RuntimeException e) {
				errors.add(RowError.of(row.number(), BIRTH_DATE, "date.format", birthText));
			}
		}
		var groups = row.get(GROUPS) == null ? List.<String>of() : Arrays.asList(GROUP_SEPARATORS.split(row.get(GROUPS)));
		var registration = new PersonDetails(row.get(ID_NUMBER), row.get(NAME), row.get(SEX), birth,
				row.get(HUKOU), row.get(RESIDENCE), row.get(MOBILE), parsedEducation, groups, row.get(EMPLOYER),
				row.get(SALARY));
		var result = checker.check(registration, true);
		result.problems().forEach(p -> errors.add(RowError.of(row.number(), p.in(COLUMN.get(p.field())))));
		if (!errors.isEmpty()) {
			return CheckedRow.rejected(errors);
		}
		var u = result.upsert();
		if (!actor.scope().covers(u.residencePath()) && !actor.scope().covers(u.hukouPath())) {
			return CheckedRow.rejected(List.of(RowError.of(row.number(), RESIDENCE, "scope.outside", u.residenceRegion())));
		}
		var hex = HexFormat.of();
		return CheckedRow.staged(Arrays.asList("\\x" + hex.formatHex(u.idNumberIndex()),
				"\\x" + hex.formatHex(u.idNumberSealed()), u.idNumberMasked(), u.name(), u.sex(),
				u.birthDate().toString(), u.hukouRegion(), u.hukouPath(), u.residenceRegion(), u.residencePath(),
				u.mobileSealed() == null ? null : "\\x" + hex.formatHex(u.mobileSealed()),
				u.mobileIndex() == null ? null : "\\x" + hex.formatHex(u.mobileIndex()), u.mobileMasked(),
				u.education() == null ? null : u.education().name(), "{" + String.join(",", u.groups()) + "}",
				u.employerCreditCode(), u.salaryBand()));
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return checkStaged(job, Integer.MIN_VALUE, Integer.MAX_VALUE);
	}

	/** A person once per file: a later row with the same ID number is refused, naming the first. */
	@Override
	public boolean checksEarlierRowsOnly() {
		return true;
	}

	@Override
	public List<RowError> checkStaged(UUID job, int fromRow, int toRow) {
		// one look-up in the staging index per row of the range: a join was planned as a hash over the whole job, and
		// min() alone as a walk of the primary key in row order until a match (every earlier row, for a new person);
		// "offset 0" keeps the ID-number index the only way in
		return jdbc.sql("""
				select row_number, first_row from (
				    select s.row_number, (
				        select min(e.row_number) from (
				            select job_id, row_number from registry.person_staging
				            where id_number_index = s.id_number_index offset 0
				        ) e where e.job_id = s.job_id and e.row_number < s.row_number
				    ) as first_row
				    from registry.person_staging s where s.job_id = :job and s.row_number between :from and :to
				) r where first_row is not null
				""").param("job", job).param("from", fromRow).param("to", toRow)
				.query((rs, i) -> RowError.of(rs.getInt(1), ID_NUMBER, "duplicate-in-file", rs.getInt(2)))
				.list();
	}

	/** The chunk's staged rows into the person table, those on record or not, plainly or by the upsert. */
	private static final String MERGE = """
			with merged as (
			    insert into registry.person as t (%s)
			    select %s
			    from registry.person_staging s
			    where s.job_id = :job and s.row_number between :from and :to %s
			    %s
			    returning id
			)
			select count(*) from merged
			""";
	private static final String ON_RECORD = "exists (select 1 from registry.person p where p.id_number_index = s.id_number_index)";

	/**
	 * Persons on record go through {@link Persons#ON_CONFLICT} (changed or unchanged); new ones by a plain insert,
	 * which skips the speculative insertion an upsert makes for every row (most rows of a large file are new). A
	 * person registered by someone else between the two makes the insert fail on the unique index: then the whole
	 * chunk goes through the upsert (the rows merged before it are unchanged by then and not counted twice).
	 */
	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = jdbc.sql("select count(*) from registry.person_staging where job_id = :job and row_number between :from and :to")
				.param("job", job).param("from", fromRow).param("to", toRow).query(Integer.class).single();
		var changed = merge(job, fromRow, toRow, "and " + ON_RECORD, Persons.ON_CONFLICT);
		jdbc.sql("savepoint person_merge").update();
		try {
			changed += merge(job, fromRow, toRow, "and not " + ON_RECORD, "");
			jdbc.sql("release savepoint person_merge").update();
		}
		catch (DuplicateKeyException raced) {
			jdbc.sql("rollback to savepoint person_merge").update();
			changed += merge(job, fromRow, toRow, "", Persons.ON_CONFLICT);
		}
		return new MergeCounts(changed, staged - changed);
	}

	/** Merges the chunk's rows that meet {@code condition}; how many it created or changed. */
	private int merge(UUID job, int fromRow, int toRow, String condition, String onConflict) {
		var columns = String.join(", ", stagingColumns());
		return jdbc.sql(MERGE.formatted(columns, columns, condition, onConflict.strip()))
				.param("job", job).param("from", fromRow).param("to", toRow).query(Integer.class).single();
	}
}
