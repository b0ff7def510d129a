package cn.gongjiang.recruitment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.ImportHandler;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Job postings by file (kind {@code jobs}, REC-1): an enterprise's own, or an officer's for enterprises of the
 * region; the same rules as the form, every row opened at once (a file is a publication), the same line again
 * changes nothing.
 */
@Component
class JobImport implements ImportHandler {

	static final String CREDIT = "统一社会信用代码", TITLE = "岗位名称", OCCUPATION = "职业编码", GRADE = "最低技能等级",
			HEADCOUNT = "招聘人数", COUNTY = "工作地区划代码", WAGE_MIN = "月薪下限", WAGE_MAX = "月薪上限", STARTS = "到岗日期",
			CLOSES = "截止日期", REQUIREMENTS = "岗位要求", GRADUATES = "欢迎院校毕业生";
	private static final Map<String, String> COLUMN_OF_CODE = Map.ofEntries(
			Map.entry("recruitment.job.enterprise.required", CREDIT), Map.entry("recruitment.job.enterprise.unknown", CREDIT),
			Map.entry("recruitment.job.title.invalid", TITLE), Map.entry("occupation.not-found", OCCUPATION),
			Map.entry("occupation.code.format", OCCUPATION), Map.entry("skill-grade.unknown", GRADE),
			Map.entry("recruitment.job.headcount.invalid", HEADCOUNT), Map.entry("recruitment.job.county.invalid", COUNTY),
			Map.entry("recruitment.job.wage.invalid", WAGE_MIN), Map.entry("recruitment.job.closes.required", CLOSES),
			Map.entry("recruitment.job.starts.invalid", STARTS), Map.entry("recruitment.job.requirements.too-long", REQUIREMENTS),
			Map.entry("credit-code.format", CREDIT), Map.entry("credit-code.check-character", CREDIT));

	private final JobPostings postings;
	private final JdbcClient jdbc;

	JobImport(JobPostings postings, JdbcClient jdbc) {
		this.postings = postings;
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "jobs";
	}

	@Override
	public List<ImportColumn> columns() {
		return List.of(ImportColumn.optional(CREDIT, "经办人员代企业导入时必填；企业导入本单位岗位时不填"),
				ImportColumn.required(TITLE, "不超过100字"), ImportColumn.required(OCCUPATION, "职业编码，如 6-18-01-01"),
				ImportColumn.optional(GRADE, "如 中级工；不填为不限"), ImportColumn.required(HEADCOUNT, "正整数"),
				ImportColumn.optional(COUNTY, "县级区划代码，缺省为企业所在地"), ImportColumn.optional(WAGE_MIN, "元/月"),
				ImportColumn.optional(WAGE_MAX, "元/月"), ImportColumn.optional(STARTS, "yyyy-MM-dd"),
				ImportColumn.required(CLOSES, "yyyy-MM-dd"), ImportColumn.optional(REQUIREMENTS, "不超过2000字"),
				ImportColumn.optional(GRADUATES, "是/否"));
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.role() == Role.ENTERPRISE || actor.regionalOfficer();
	}

	@Override
	public String stagingTable() {
		return "recruitment.job_staging";
	}

	@Override
	public List<String> stagingColumns() {
		return List.of("enterprise_code", "enterprise_name", "enterprise_path", "title", "occupation_code", "min_grade",
				"headcount", "county", "county_path", "wage_min", "wage_max", "starts_on", "closes_on", "requirements",
				"graduates_sought");
	}

	@Override
	public RowChecker checker(Actor actor) {
		return row -> {
			var missing = RowError.missing(row, columns());
			if (!missing.isEmpty()) {
				return CheckedRow.rejected(missing);
			}
			String column = null;
			try {
				column = HEADCOUNT;
				var headcount = Integer.valueOf(row.get(HEADCOUNT).strip());
				column = WAGE_MIN;
				var wageMin = row.get(WAGE_MIN) == null ? null : Integer.valueOf(row.get(WAGE_MIN).strip());
				column = WAGE_MAX;
				var wageMax = row.get(WAGE_MAX) == null ? null : Integer.valueOf(row.get(WAGE_MAX).strip());
				column = STARTS;
				var starts = row.get(STARTS) == null ? null : LocalDate.parse(row.get(STARTS).strip().replace('/', '-'));
				column = CLOSES;
				var closes = LocalDate.parse(row.get(CLOSES).strip().replace('/', '-'));
				column = null;
				var r = postings.resolve(actor, new JobPosting.Form(row.get(CREDIT), row.get(TITLE), row.get(OCCUPATION),
						row.get(GRADE), headcount, row.get(COUNTY), wageMin, wageMax, starts, closes, row.get(REQUIREMENTS),
						"是".equals(row.get(GRADUATES)) || "true".equalsIgnoreCase(row.get(GRADUATES))), null);
				return CheckedRow.staged(Arrays.asList(r.enterpriseCode(), r.enterpriseName(), r.enterprisePath(),
						r.title(), r.occupationCode(), r.minGrade(), String.valueOf(r.headcount()), r.county(),
						r.countyPath(), string(r.wageMin()), string(r.wageMax()), string(r.startsOn()),
						r.closesOn().toString(), r.requirements(), String.valueOf(r.graduatesSought())));
			}
			catch (AccessDeniedException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), CREDIT, "scope.outside", row.get(CREDIT))));
			}
			catch (BusinessException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), COLUMN_OF_CODE.get(e.code()), e.code(),
						e.arguments())));
			}
			catch (RuntimeException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), column, "value.format")));
			}
		};
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return jdbc.sql("""
				select row_number, first_row from (
				    select row_number, min(row_number) over (partition by enterprise_code, title, occupation_code, county,
				        closes_on) as first_row
				    from recruitment.job_staging where job_id = :job
				) s where row_number <> first_row
				""").param("job", job)
				.query((rs, i) -> RowError.of(rs.getInt(1), TITLE, "duplicate-in-file", rs.getInt(2))).list();
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = jdbc.sql("select count(*) from recruitment.job_staging where job_id = :job and row_number between :from and :to")
				.param("job", job).param("from", fromRow).param("to", toRow).query(Integer.class).single();
		var inserted = jdbc.sql("""
				insert into recruitment.job (enterprise_code, enterprise_name, enterprise_path, title, occupation_code,
				    min_grade, headcount, county, county_path, wage_min, wage_max, starts_on, closes_on, requirements,
				    graduates_sought, source, posted_by, status)
				select enterprise_code, enterprise_name, enterprise_path, title, occupation_code, min_grade, headcount,
				    county, county_path, wage_min, wage_max, starts_on, closes_on, requirements, graduates_sought,
				    'IMPORT', :user, 'OPEN'
				from recruitment.job_staging where job_id = :job and row_number between :from and :to
				on conflict (enterprise_code, title, occupation_code, county, closes_on) where source = 'IMPORT' do nothing
				""").param("job", job).param("from", fromRow).param("to", toRow).param("user", actor.username()).update();
		return new MergeCounts(inserted, staged - inserted);
	}

	private static String string(Object value) {
		return value == null ? null : value.toString();
	}
}
