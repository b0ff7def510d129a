package cn.gongjiang.recruitment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Job postings by file (kind {@code jobs}, REC-1): an enterprise's own, or an officer's for enterprises of the
 * region; the same rules as the form, every row opened at once (a file is a publication), the same line again
 * changes nothing.
 */
@Component
class JobImport extends StagedImport {

	static final String CREDIT = "统一社会信用代码", TITLE = "岗位名称", OCCUPATION = "职业编码", GRADE = "最低技能等级",
			HEADCOUNT = "招聘人数", COUNTY = "工作地区划代码", WAGE_MIN = "月薪下限", WAGE_MAX = "月薪上限", STARTS = "到岗日期",
			CLOSES = "截止日期", REQUIREMENTS = "岗位要求", GRADUATES = "欢迎院校毕业生";

	private final JobPostings postings;

	JobImport(JobPostings postings, JdbcClient jdbc) {
		super("jobs", List.of(ImportColumn.optional(CREDIT, "经办人员代企业导入时必填；企业导入本单位岗位时不填").field("enterpriseCode"),
				ImportColumn.required(TITLE, "不超过100字").field("title"),
				ImportColumn.required(OCCUPATION, "职业编码，如 6-18-01-01").field("occupationCode"),
				ImportColumn.optional(GRADE, "如 中级工；不填为不限").field("minGrade"),
				ImportColumn.required(HEADCOUNT, "正整数").field("headcount"),
				ImportColumn.optional(COUNTY, "县级区划代码，缺省为企业所在地").field("county"),
				ImportColumn.optional(WAGE_MIN, "元/月").field("wageMin"),
				ImportColumn.optional(WAGE_MAX, "元/月").field("wageMax"),
				ImportColumn.optional(STARTS, "yyyy-MM-dd").field("startsOn"),
				ImportColumn.required(CLOSES, "yyyy-MM-dd").field("closesOn"),
				ImportColumn.optional(REQUIREMENTS, "不超过2000字").field("requirements"),
				ImportColumn.optional(GRADUATES, "是/否")),
				"recruitment.job_staging", List.of("enterprise_code", "enterprise_name", "enterprise_path", "title",
						"occupation_code", "min_grade", "headcount", "county", "county_path", "wage_min", "wage_max",
						"starts_on", "closes_on", "requirements", "graduates_sought"), jdbc);
		this.postings = postings;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.role() == Role.ENTERPRISE || actor.regionalOfficer();
	}

	@Override
	public RowChecker checker(Actor actor) {
		var rows = rowCheck().scopeIn(CREDIT);
		return row -> rows.check(row, () -> {
			var r = postings.resolve(actor, new JobPosting.Form(row.get(CREDIT), row.get(TITLE), row.get(OCCUPATION),
					row.get(GRADE), row.read(HEADCOUNT, Integer::valueOf), row.get(COUNTY),
					row.read(WAGE_MIN, Integer::valueOf), row.read(WAGE_MAX, Integer::valueOf),
					row.read(STARTS, JobImport::day), row.read(CLOSES, JobImport::day), row.get(REQUIREMENTS),
					"是".equals(row.get(GRADUATES)) || "true".equalsIgnoreCase(row.get(GRADUATES))), null);
			return CheckedRow.staged(Arrays.asList(r.enterpriseCode(), r.enterpriseName(), r.enterprisePath(),
					r.title(), r.occupationCode(), r.minGrade(), String.valueOf(r.headcount()), r.county(),
					r.countyPath(), string(r.wageMin()), string(r.wageMax()), string(r.startsOn()),
					r.closesOn().toString(), r.requirements(), String.valueOf(r.graduatesSought())));
		});
	}

	private static LocalDate day(String cell) {
		return LocalDate.parse(cell.replace('/', '-'));
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return duplicatesInFile(job, "enterprise_code, title, occupation_code, county, closes_on", TITLE);
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = staged(job, fromRow, toRow);
		var inserted = overRows("""
				insert into recruitment.job (enterprise_code, enterprise_name, enterprise_path, title, occupation_code,
				    min_grade, headcount, county, county_path, wage_min, wage_max, starts_on, closes_on, requirements,
				    graduates_sought, source, posted_by, status)
				select enterprise_code, enterprise_name, enterprise_path, title, occupation_code, min_grade, headcount,
				    county, county_path, wage_min, wage_max, starts_on, closes_on, requirements, graduates_sought,
				    'IMPORT', :user, 'OPEN'
				from recruitment.job_staging where job_id = :job and row_number between :from and :to
				on conflict (enterprise_code, title, occupation_code, county, closes_on) where source = 'IMPORT' do nothing
				""", job, fromRow, toRow).param("user", actor.username()).update();
		return new MergeCounts(inserted, staged - inserted);
	}

	private static String string(Object value) {
		return value == null ? null : value.toString();
	}
}
