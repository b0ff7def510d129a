package cn.gongjiang.training;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Skill demand by file (kind {@code demand}, DEM-1): an enterprise's own lines, or the lines officers gathered on
 * visits and questionnaires; the same rules as the form, the same line again updates it.
 */
@Component
class DemandImport extends StagedImport {

	static final String CREDIT = "统一社会信用代码", OCCUPATION = "职业编码", GRADE = "技能等级", HEADCOUNT = "需求人数",
			NEEDED_BY = "需求时间", WAGE = "月薪", TRAIN = "需培训人数", PLACE = "用工地区划代码", SOURCE = "来源";
	private static final Map<String, String> SOURCES = Map.of("走访", "VISIT", "问卷", "QUESTIONNAIRE", "报表", "REPORT");

	private final DemandSurvey survey;

	DemandImport(DemandSurvey survey, JdbcClient jdbc) {
		super("demand", List.of(ImportColumn.required(CREDIT, "企业统一社会信用代码").field("enterpriseCode"),
				ImportColumn.required(OCCUPATION, "职业编码，如 6-18-01-01").field("occupationCode"),
				ImportColumn.optional(GRADE, "如 中级工").field("grade"),
				ImportColumn.required(HEADCOUNT, "正整数").field("headcount"),
				ImportColumn.required(NEEDED_BY, "yyyy-MM-dd").field("neededBy"),
				ImportColumn.optional(WAGE, "元/月").field("monthlyWage"),
				ImportColumn.optional(TRAIN, "需培训人数").field("trainHeadcount"),
				ImportColumn.optional(PLACE, "用工地县级区划代码，缺省为企业所在地").field("placeCounty"),
				ImportColumn.optional(SOURCE, "经办人员代录时填 走访、问卷 或 报表").field("source")),
				"training.demand_staging", List.of("enterprise_code", "enterprise_name", "enterprise_path",
						"occupation_code", "grade", "headcount", "needed_by", "monthly_wage", "train_headcount",
						"place_county", "place_path", "source"), jdbc);
		this.survey = survey;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.role() == Role.ENTERPRISE || actor.regionalOfficer();
	}

	@Override
	public RowChecker checker(Actor actor) {
		var rows = rowCheck().scopeIn(CREDIT);
		return row -> rows.check(row, () -> {
			var source = actor.role() == Role.ENTERPRISE ? "ENTERPRISE"
					: SOURCES.getOrDefault(row.get(SOURCE) == null ? "" : row.get(SOURCE), row.get(SOURCE) == null ? "IMPORT" : row.get(SOURCE));
			var c = survey.check(actor, new DemandItem.Entry(row.get(CREDIT), row.get(OCCUPATION), row.get(GRADE),
					row.read(HEADCOUNT, Integer::valueOf), row.read(NEEDED_BY, d -> LocalDate.parse(d.replace('/', '-'))),
					row.read(WAGE, Integer::valueOf), Objects.requireNonNullElse(row.read(TRAIN, Integer::valueOf), 0),
					row.get(PLACE), source));
			var e = c.entry();
			return CheckedRow.staged(Arrays.asList(c.enterprise().creditCode(), c.enterprise().name(),
					c.enterprisePath(), e.occupationCode(), c.grade(), e.headcount().toString(), e.neededBy().toString(),
					e.monthlyWage() == null ? null : e.monthlyWage().toString(), String.valueOf(e.trainHeadcount() == null ? 0 : e.trainHeadcount()),
					c.place().code(), c.place().path(), e.source()));
		});
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return duplicatesInFile(job, "enterprise_code, occupation_code, coalesce(grade, ''), needed_by, place_county",
				OCCUPATION);
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = staged(job, fromRow, toRow);
		var changed = overRows("""
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
				""", job, fromRow, toRow).param("user", actor.username()).query(Integer.class).single();
		return new MergeCounts(changed, staged - changed);
	}
}
