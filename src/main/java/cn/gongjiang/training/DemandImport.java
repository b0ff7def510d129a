package cn.gongjiang.training;

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
 * Skill demand by file (kind {@code demand}, DEM-1): an enterprise's own lines, or the lines officers gathered on
 * visits and questionnaires; the same rules as the form, the same line again updates it.
 */
@Component
class DemandImport implements ImportHandler {

	static final String CREDIT = "统一社会信用代码", OCCUPATION = "职业编码", GRADE = "技能等级", HEADCOUNT = "需求人数",
			NEEDED_BY = "需求时间", WAGE = "月薪", TRAIN = "需培训人数", PLACE = "用工地区划代码", SOURCE = "来源";
	private static final Map<String, String> COLUMN_OF_CODE = Map.of("training.demand.headcount", HEADCOUNT,
			"training.demand.train-headcount", TRAIN, "training.demand.needed-by", NEEDED_BY, "training.demand.wage", WAGE,
			"region.not-county", PLACE, "occupation.not-found", OCCUPATION, "skill-grade.unknown", GRADE,
			"training.demand.source", SOURCE, "training.enterprise.not-found", CREDIT, "occupation.code.format", OCCUPATION);
	private static final Map<String, String> SOURCES = Map.of("走访", "VISIT", "问卷", "QUESTIONNAIRE", "报表", "REPORT");

	private final DemandSurvey survey;
	private final JdbcClient jdbc;

	DemandImport(DemandSurvey survey, JdbcClient jdbc) {
		this.survey = survey;
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "demand";
	}

	@Override
	public List<ImportColumn> columns() {
		return List.of(ImportColumn.required(CREDIT, "企业统一社会信用代码"), ImportColumn.required(OCCUPATION, "职业编码，如 6-18-01-01"),
				ImportColumn.optional(GRADE, "如 中级工"), ImportColumn.required(HEADCOUNT, "正整数"),
				ImportColumn.required(NEEDED_BY, "yyyy-MM-dd"), ImportColumn.optional(WAGE, "元/月"),
				ImportColumn.optional(TRAIN, "需培训人数"), ImportColumn.optional(PLACE, "用工地县级区划代码，缺省为企业所在地"),
				ImportColumn.optional(SOURCE, "经办人员代录时填 走访、问卷 或 报表"));
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.role() == Role.ENTERPRISE || actor.regionalOfficer();
	}

	@Override
	public String stagingTable() {
		return "training.demand_staging";
	}

	@Override
	public List<String> stagingColumns() {
		return List.of("enterprise_code", "enterprise_name", "enterprise_path", "occupation_code", "grade", "headcount",
				"needed_by", "monthly_wage", "train_headcount", "place_county", "place_path", "source");
	}

	@Override
	public RowChecker checker(Actor actor) {
		return row -> {
			var missing = RowError.missing(row, columns());
			if (!missing.isEmpty()) {
				return CheckedRow.rejected(missing);
			}
			try {
				var source = actor.role() == Role.ENTERPRISE ? "ENTERPRISE"
						: SOURCES.getOrDefault(row.get(SOURCE) == null ? "" : row.get(SOURCE), row.get(SOURCE) == null ? "IMPORT" : row.get(SOURCE));
				var c = survey.check(actor, new DemandItem.Entry(row.get(CREDIT), row.get(OCCUPATION), row.get(GRADE),
						Integer.valueOf(row.get(HEADCOUNT).strip()), LocalDate.parse(row.get(NEEDED_BY).strip().replace('/', '-')),
						row.get(WAGE) == null ? null : Integer.valueOf(row.get(WAGE).strip()),
						row.get(TRAIN) == null ? 0 : Integer.valueOf(row.get(TRAIN).strip()), row.get(PLACE), source));
				var e = c.entry();
				return CheckedRow.staged(Arrays.asList(c.enterprise().creditCode(), c.enterprise().name(),
						c.enterprisePath(), e.occupationCode(), c.grade(), e.headcount().toString(), e.neededBy().toString(),
						e.monthlyWage() == null ? null : e.monthlyWage().toString(), String.valueOf(e.trainHeadcount() == null ? 0 : e.trainHeadcount()),
						c.place().code(), c.place().path(), e.source()));
			}
			catch (AccessDeniedException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), CREDIT, "scope.outside", row.get(CREDIT))));
			}
			catch (BusinessException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), COLUMN_OF_CODE.get(e.code()), e.code(),
						e.arguments())));
			}
			catch (RuntimeException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), null, "value.format")));
			}
		};
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return jdbc.sql("""
				select row_number, first_row from (
				    select row_number, min(row_number) over (partition by enterprise_code, occupation_code,
				        coalesce(grade, ''), needed_by, place_county) as first_row
				    from training.demand_staging where job_id = :job
				) s where row_number <> first_row
				""").param("job", job)
				.query((rs, i) -> RowError.of(rs.getInt(1), OCCUPATION, "duplicate-in-file", rs.getInt(2))).list();
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = jdbc.sql("select count(*) from training.demand_staging where job_id = :job and row_number between :from and :to")
				.param("job", job).param("from", fromRow).param("to", toRow).query(Integer.class).single();
		var changed = jdbc.sql("""
				with merged as (
				    insert into training.demand_item (enterprise_code, enterprise_name, enterprise_path, occupation_code,
				        grade, headcount, needed_by, monthly_wage, train_headcount, place_county, place_path, source,
				        recorded_by)
				    select enterprise_code, enterprise_name, enterprise_path, occupation_code, grade, headcount, needed_by,
				        monthly_wage, train_headcount, place_county, place_path, source, :user
				    from training.demand_staging where job_id = :job and row_number between :from and :to
				""" + DemandSurvey.SAME_LINE + """
				    returning 1
				) select count(*) from merged
				""").param("job", job).param("from", fromRow).param("to", toRow).param("user", actor.username())
				.query(Integer.class).single();
		return new MergeCounts(changed, staged - changed);
	}
}
