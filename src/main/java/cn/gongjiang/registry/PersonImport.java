package cn.gongjiang.registry;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.ImportHandler;
import cn.gongjiang.imports.ImportRow;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowCheck;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedRows;
import cn.gongjiang.shared.Violation;
import cn.gongjiang.shared.security.Actor;

/** Bulk import of persons (kind {@code persons}): the same checks as the API, every error of a row reported. */
@Component
class PersonImport implements ImportHandler {

	static final String NAME = "姓名", ID_NUMBER = "身份证号", HUKOU = "户籍地区划代码", RESIDENCE = "常住地区划代码",
			MOBILE = "手机号", GROUPS = "人员类别", EDUCATION = "学历", EMPLOYER = "工作单位统一社会信用代码", SEX = "性别",
			BIRTH_DATE = "出生日期", SALARY = "月工资区间";

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
	private final DataSource dataSource;

	PersonImport(PersonRegistry registry, JdbcClient jdbc, DataSource dataSource) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Override
	public String kind() {
		return "persons";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS_OF_FILE;
	}

	/** Each column with the {@link PersonDetails} field whose refusals it reports. */
	private static final List<ImportColumn> COLUMNS_OF_FILE = List.of(
			ImportColumn.required(NAME, "实名登记的姓名").field("name"),
			ImportColumn.required(ID_NUMBER, "18位居民身份证号；性别、出生日期由号码读出").field("idNumber"),
			ImportColumn.optional(HUKOU, "户籍所在县级区划代码（6位，省外亦可）").field("hukouRegion"),
			ImportColumn.required(RESIDENCE, "常住地县级区划代码（6位，浙江省内），决定由哪个人社局管辖").field("residenceRegion"),
			ImportColumn.optional(MOBILE, "11位手机号").field("mobile"),
			ImportColumn.optional(GROUPS, "人员类别名称，多个用；分隔，如 农村转移劳动者；退役军人").field("groups"),
			ImportColumn.optional(EDUCATION, "小学、初中、高中、中专、大专、本科、硕士、博士").field("education"),
			ImportColumn.optional(EMPLOYER, "工作单位的统一社会信用代码").field("employerCreditCode"),
			ImportColumn.optional(SEX, "男/女；填写时须与身份证号一致").field("sex"),
			ImportColumn.optional(BIRTH_DATE, "yyyy-MM-dd；填写时须与身份证号一致").field("birthDate"),
			ImportColumn.optional(SALARY, SalaryBand.listed()).field("salaryBand"));

	private static final RowCheck ROW_CHECK = RowCheck.of(COLUMNS_OF_FILE);

	@Override
	public boolean mayImport(Actor actor) {
		return actor.regionalOfficer();
	}

	/** Only the keys are staged, for the look-up of earlier rows; the rows themselves wait in memory. */
	@Override
	public String stagingTable() {
		return "registry.person_key_staging";
	}

	@Override
	public String keyColumn() {
		return "id_number_index";
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

	/**
	 * Every error of the row at once (a clerk fixes a row in one go): the cells only the file spells its own way
	 * (education by its Chinese name, a day with slashes), then the registry's own check of the same form.
	 */
	private CheckedRow check(ImportRow row, Actor actor, PersonCheck checker) {
		var problems = new ArrayList<Violation>();
		var education = row.get(EDUCATION);
		var parsedEducation = education == null ? null : education(education);
		if (education != null && parsedEducation == null) {
			problems.add(Violation.of("education", "person.education.unknown", education));
		}
		var birthText = row.get(BIRTH_DATE);
		var birth = birthText == null ? null : birthDate(birthText);
		if (birthText != null && birth == null) {
			problems.add(Violation.of("birthDate", "date.format", birthText));
		}
		var groups = row.get(GROUPS) == null ? List.<String>of() : Arrays.asList(GROUP_SEPARATORS.split(row.get(GROUPS)));
		var registration = new PersonDetails(row.get(ID_NUMBER), row.get(NAME), row.get(SEX), birth,
				row.get(HUKOU), row.get(RESIDENCE), row.get(MOBILE), parsedEducation, groups, row.get(EMPLOYER),
				row.get(SALARY));
		var result = checker.check(registration, true);
		problems.addAll(result.problems());
		if (!problems.isEmpty()) {
			return CheckedRow.rejected(ROW_CHECK.errors(row, problems));
		}
		var u = result.upsert();
		if (!actor.scope().covers(u.residencePath()) && !actor.scope().covers(u.hukouPath())) {
			return CheckedRow.rejected(row, RESIDENCE, "scope.outside", u.residenceRegion());
		}
		return CheckedRow.staged(Arrays.asList(copyText(u.idNumberIndex()), copyText(u.idNumberSealed()),
				u.idNumberMasked(), u.name(), u.sex(), u.birthDate().toString(), u.hukouRegion(), u.hukouPath(),
				u.residenceRegion(), u.residencePath(), copyText(u.mobileSealed()),
				copyText(u.mobileIndex()), u.mobileMasked(),
				u.education() == null ? null : u.education().name(), "{" + String.join(",", u.groups()) + "}",
				u.employerCreditCode(), u.salaryBand()));
	}

	/** By its Chinese name or the code; null when neither. */
	private static Education education(String text) {
		var named = EDUCATION_NAMES.get(text);
		if (named != null) {
			return named;
		}
		return Arrays.stream(Education.values()).filter(e -> e.name().equals(text)).findFirst().orElse(null);
	}

	/** yyyy-MM-dd or yyyy/MM/dd, a time after it ignored; null when it is no day. */
	private static LocalDate birthDate(String text) {
		try {
			return LocalDate.parse(text.replace('/', '-').substring(0, Math.min(10, text.length())));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** A {@code bytea} cell in COPY's text format. */
	private static String copyText(byte[] bytes) {
		return bytes == null ? null : "\\x" + HexFormat.of().formatHex(bytes);
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
				            select job_id, row_number from registry.person_key_staging
				            where id_number_index = s.id_number_index offset 0
				        ) e where e.job_id = s.job_id and e.row_number < s.row_number
				    ) as first_row
				    from registry.person_key_staging s where s.job_id = :job and s.row_number between :from and :to
				) r where first_row is not null
				""").param("job", job).param("from", fromRow).param("to", toRow)
				.query((rs, i) -> RowError.of(rs.getInt(1), ID_NUMBER, "duplicate-in-file", rs.getInt(2)))
				.list();
	}

	/**
	 * The range's rows into the person table, written once: new persons by one {@code COPY} straight into it,
	 * those on record through a small staging table and {@link Persons#ON_CONFLICT} (changed or unchanged). A person
	 * registered by someone else meanwhile breaks the copy on the unique index; the range then goes through the upsert
	 * as a whole. The look-up of persons on record reads only the keys staged for the range.
	 */
	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor, StagedRows rows) {
		Set<Integer> onRecord = new HashSet<>(jdbc.sql("""
				select k.row_number from registry.person_key_staging k
				where k.job_id = :job and k.row_number between :from and :to
				  and exists (select 1 from registry.person p where p.id_number_index = k.id_number_index)
				""").param("job", job).param("from", fromRow).param("to", toRow).query(Integer.class).list());
		var created = 0;
		if (onRecord.size() < rows.size()) {
			jdbc.sql("savepoint person_merge").update();
			try {
				var recorded = onRecord;
				created = (int) copy(rows, "registry.person (" + COLUMNS + ")", row -> !recorded.contains(row), null);
				jdbc.sql("release savepoint person_merge").update();
			}
			catch (DuplicateKeyException raced) {
				jdbc.sql("rollback to savepoint person_merge").update();
				onRecord = null; // every row of the range
			}
		}
		var upserted = onRecord == null ? rows.size() : onRecord.size();
		var changed = 0;
		if (upserted > 0) {
			var through = onRecord;
			copy(rows, "registry.person_staging (job_id, row_number, " + COLUMNS + ")",
					row -> through == null || through.contains(row), job);
			changed = jdbc.sql(UPSERT.formatted(COLUMNS, COLUMNS, Persons.ON_CONFLICT.strip())).param("job", job)
					.param("from", fromRow).param("to", toRow).query(Integer.class).single();
			jdbc.sql("delete from registry.person_staging where job_id = :job and row_number between :from and :to")
					.param("job", job).param("from", fromRow).param("to", toRow).update();
		}
		return new MergeCounts(created + changed, upserted - changed);
	}

	/** Persons on record: what changed of them, from the range's rows staged for it. */
	private static final String UPSERT = """
			with merged as (
			    insert into registry.person as t (%s)
			    select %s
			    from registry.person_staging s
			    where s.job_id = :job and s.row_number between :from and :to
			    %s
			    returning id
			)
			select count(*) from merged
			""";

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		throw new IllegalStateException("persons merge from the rows read (keyColumn)");
	}

	/** COPYs the chosen rows into the table, on the transaction's connection; a broken unique key as Spring's. */
	private long copy(StagedRows rows, String tableWithColumns, IntPredicate include, UUID job) {
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			return rows.copy(connection, tableWithColumns, include, job);
		}
		catch (SQLException e) {
			if ("23505".equals(e.getSQLState())) {
				throw new DuplicateKeyException(e.getMessage(), e);
			}
			throw new IllegalStateException("COPY into " + tableWithColumns + " failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}
}
