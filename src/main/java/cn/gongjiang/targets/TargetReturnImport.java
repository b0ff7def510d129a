package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.ImportRow;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Returns by file (kind {@code target-returns}, TGT-2, X-3): a department files the figures of its task lines, a city
 * or county those of its own region, one row per figure and period, by the rules of the return form. A figure sent in
 * again replaces one awaiting approval or sent back, as the form does; an approved figure is locked, so a row that
 * would change it is refused; the same file again changes nothing.
 */
@Component
class TargetReturnImport extends StagedImport {

	static final String LINE = "任务", LABEL = "分项", INDICATOR = "指标", AS_OF = "截至日期", VALUE = "数值",
			EVIDENCE = "佐证材料";
	private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*(?:年\\s*第?\\s*([1-4一二三四])\\s*季度?|[-/ ]?[Qq]([1-4]))");
	private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*(?:年\\s*(\\d{1,2})\\s*月|[-/](\\d{1,2}))");
	private static final Pattern DAY = Pattern.compile("(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})\\s*日?");
	private static final Pattern SECTION = Pattern.compile("^（[^）]*）\\s*");
	private static final Map<String, Integer> CHINESE_DIGITS = Map.of("一", 1, "二", 2, "三", 3, "四", 4);

	private final TargetStore targets;
	private final AuditLog audit;
	private final Clock clock;

	TargetReturnImport(JdbcClient jdbc, TargetStore targets, AuditLog audit, Clock clock) {
		super("target-returns", List.of(
				ImportColumn.optional(LINE, "省级部门必填：部门任务清单中的任务名称（如 开展先进制造业领域职业技能提升培训），或任务编号；市、县留空")
						.alias("任务名称", "任务编号", "工作任务"),
				ImportColumn.optional(LABEL, "一项任务列有几个目标时必填，如 网店业主、网络主播、外卖骑手").alias("培训对象", "细项"),
				ImportColumn.optional(INDICATOR, "市、县必填：指标名称或代码（平台自动统计的指标不接受报送）；部门可留空").alias("指标名称", "指标代码"),
				ImportColumn.required(AS_OF, "统计截至日期 yyyy-MM-dd，或已结束的季度、月份（如 2025年第2季度、2025Q2、2025-06），不能晚于今天")
						.alias("报送期", "统计期", "截至", "季度"),
				ImportColumn.required(VALUE, "累计完成数，按指标的计量单位（人次、人、家……）填写，不要写“万”；百分比指标填百分数")
						.alias("完成数", "完成值", "实绩"),
				ImportColumn.required(EVIDENCE, "文号、统计报表或其他佐证材料").alias("佐证", "备注", "说明")),
				"targets.return_staging", List.of("indicator", "region_code", "region_path", "task_line_id", "label",
						"as_of", "value", "evidence"), jdbc);
		this.targets = targets;
		this.audit = audit;
		this.clock = clock;
	}

	/** The province reports to nobody (no level above approves its figures), so it files no returns. */
	@Override
	public boolean mayImport(Actor actor) {
		return actor.role() == Role.DEPARTMENT_OFFICER || actor.role() == Role.CITY_OFFICER
				|| actor.role() == Role.COUNTY_OFFICER;
	}

	/** A figure a department reports: one task line's target of one indicator (and label). */
	record Line(int id, String name, String indicator, String label) {
	}

	@Override
	public RowChecker checker(Actor actor) {
		var indicators = targets.indicators();
		var today = LocalDate.now(clock);
		var department = actor.role() == Role.DEPARTMENT_OFFICER;
		var own = department ? lines(actor.scope().value()) : List.<Line>of();
		var names = targets.taskLineNames();
		var rows = rowCheck();
		return row -> rows.check(row, () -> {
			Indicator indicator = null;
			if (row.get(INDICATOR) != null) {
				var wanted = row.get(INDICATOR);
				indicator = indicators.stream().filter(i -> i.code().equalsIgnoreCase(wanted) || i.nameZh().equals(wanted))
						.findFirst().orElse(null);
				if (indicator == null) {
					return CheckedRow.rejected(row, INDICATOR, "targets.indicator.unknown", wanted);
				}
				if (indicator.computed()) {
					return CheckedRow.rejected(row, INDICATOR, "targets.computed-indicator", indicator.nameZh());
				}
			}
			String region = null, path = null, label = null;
			Integer lineId = null;
			if (department) {
				if (row.get(LINE) == null) {
					return CheckedRow.rejected(row, LINE, "required");
				}
				var found = line(row, own, names, indicator, actor.scope().value());
				if (found.errors() != null) {
					return CheckedRow.rejected(found.errors());
				}
				var line = found.line();
				var lineIndicator = line.indicator();
				indicator = indicators.stream().filter(i -> i.code().equals(lineIndicator)).findFirst().orElseThrow();
				if (indicator.computed()) {
					return CheckedRow.rejected(row, LINE, "targets.computed-indicator", indicator.nameZh());
				}
				lineId = line.id();
				label = line.label();
			}
			else {
				for (var column : List.of(LINE, LABEL)) {
					if (row.get(column) != null) {
						return CheckedRow.rejected(row, column, "targets.return.task-line.department-only");
					}
				}
				if (indicator == null) {
					return CheckedRow.rejected(row, INDICATOR, "required");
				}
				region = actor.scope().value();
				path = actor.scope().regionPath();
			}
			LocalDate asOf;
			try {
				asOf = period(row.get(AS_OF));
			}
			catch (DateTimeException e) {
				return CheckedRow.rejected(row, AS_OF, "date.format", row.get(AS_OF));
			}
			if (asOf.isAfter(today)) {
				return CheckedRow.rejected(row, AS_OF, "targets.return.as-of");
			}
			BigDecimal value;
			try {
				value = new BigDecimal(row.get(VALUE).replace(",", "").replace("，", "").strip());
			}
			catch (NumberFormatException e) {
				return CheckedRow.rejected(row, VALUE, "targets.return.value");
			}
			if (value.signum() < 0) {
				return CheckedRow.rejected(row, VALUE, "targets.return.value");
			}
			if (!indicator.unit().equals("PERCENT") && value.stripTrailingZeros().scale() > 0) {
				return CheckedRow.rejected(row, VALUE, "targets.return.value.whole", indicator.nameZh());
			}
			return CheckedRow.staged(Arrays.asList(indicator.code(), region, path,
					lineId == null ? null : lineId.toString(), label, asOf.toString(), value.toPlainString(),
					row.get(EVIDENCE)));
		});
	}

	/** The department's figures: every target of a task line it is responsible for (alone or with others). */
	private List<Line> lines(String department) {
		return jdbc.sql("""
				select distinct t.task_line_id, coalesce(l.activity, l.measure) as name, t.indicator, t.label
				from targets.target t join targets.task_line l on l.id = t.task_line_id
				where """ + TargetScope.OF_DEPARTMENT + """
				order by t.task_line_id, t.label
				""").param("department", department)
				.query((rs, i) -> new Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
	}

	private record Found(Line line, List<RowError> errors) {
	}

	/**
	 * The row's figure among the department's: its task line by number or by name as the task list shows it (with or
	 * without the section, （一）), narrowed by the indicator and label where given.
	 */
	private static Found line(ImportRow row, List<Line> own, Map<Integer, String> names, Indicator indicator,
			String department) {
		var text = SECTION.matcher(row.get(LINE)).replaceFirst("").strip();
		var byNumber = text.matches("\\d{1,4}");
		var candidates = own.stream().filter(l -> byNumber ? l.id() == Integer.parseInt(text) : l.name().equals(text))
				.toList();
		if (candidates.isEmpty()) {
			var exists = byNumber ? names.containsKey(Integer.parseInt(text)) : names.containsValue(text);
			return refused(row, LINE, exists ? "targets.return.task-line.not-own" : "targets.return.task-line.unknown",
					row.get(LINE), department);
		}
		if (candidates.stream().map(Line::id).distinct().count() > 1) {
			return refused(row, LINE, "targets.return.task-line.ambiguous", row.get(LINE),
					String.join("、", candidates.stream().map(l -> String.valueOf(l.id())).distinct().toList()));
		}
		if (indicator != null) {
			candidates = candidates.stream().filter(l -> l.indicator().equals(indicator.code())).toList();
			if (candidates.isEmpty()) {
				return refused(row, INDICATOR, "targets.return.no-department-target", department);
			}
		}
		var labels = candidates.stream().map(Line::label).filter(Objects::nonNull).distinct().toList();
		var label = row.get(LABEL);
		if (label != null) {
			candidates = candidates.stream().filter(l -> label.equals(l.label())).toList();
			if (candidates.isEmpty()) {
				return refused(row, LABEL, labels.isEmpty() ? "targets.return.label.none" : "targets.return.label.unknown",
						label, String.join("、", labels));
			}
		}
		if (candidates.size() > 1) {
			return labels.size() > 1 ? refused(row, LABEL, "targets.return.label.required", String.join("、", labels))
					: refused(row, INDICATOR, "targets.indicator.required");
		}
		return new Found(candidates.get(0), null);
	}

	private static Found refused(ImportRow row, String column, String code, Object... arguments) {
		return new Found(null, List.of(RowError.of(row.number(), column, code, arguments)));
	}

	/**
	 * The as-of day of a period as people write it: a day (2025-06-30, 2025/6/30, 2025年6月30日), or the last day of
	 * a quarter (2025年第二季度, 2025Q2), a month (2025-06, 2025年6月) or a year (2025年).
	 */
	static LocalDate period(String text) {
		var s = text.strip();
		if (s.matches("\\d{5}(\\.0+)?")) {
			// a date cell of an xlsx arrives as Excel's day number (days since 1899-12-30)
			return LocalDate.of(1899, 12, 30).plusDays(Integer.parseInt(s.substring(0, 5)));
		}
		var day = DAY.matcher(s);
		if (day.matches()) {
			return LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)),
					Integer.parseInt(day.group(3)));
		}
		var quarter = QUARTER.matcher(s);
		if (quarter.matches()) {
			var q = quarter.group(3) != null ? Integer.parseInt(quarter.group(3))
					: CHINESE_DIGITS.getOrDefault(quarter.group(2), quarter.group(2).matches("\\d") ? Integer.parseInt(quarter.group(2)) : 0);
			return LocalDate.of(Integer.parseInt(quarter.group(1)), q * 3, 1).with(TemporalAdjusters.lastDayOfMonth());
		}
		var month = MONTH.matcher(s);
		if (month.matches()) {
			var m = Integer.parseInt(month.group(2) != null ? month.group(2) : month.group(3));
			return LocalDate.of(Integer.parseInt(month.group(1)), m, 1).with(TemporalAdjusters.lastDayOfMonth());
		}
		if (s.matches("\\d{4}\\s*年(度)?")) {
			return LocalDate.of(Integer.parseInt(s.substring(0, 4)), 12, 31);
		}
		throw new DateTimeParseException("not a period", s, 0);
	}

	/**
	 * The same figure (line or region, indicator, label, period) twice in the file: the first row counts. A figure
	 * already approved is locked: a row that would change it is refused, the same figure again is merely unchanged.
	 */
	@Override
	public List<RowError> checkStaged(UUID job) {
		return jdbc.sql("""
				with staged as (
				    select s.*, min(s.row_number) over (partition by s.indicator, coalesce(s.region_code, ''),
				        coalesce(s.task_line_id, 0), coalesce(s.label, ''), s.as_of) as first_row
				    from targets.return_staging s where s.job_id = :job
				)
				select row_number, case when task_line_id is null then '指标' else '任务' end, 'duplicate-in-file',
				       cast(first_row as text)
				from staged where row_number <> first_row
				union all
				select s.row_number, '截至日期', 'targets.return.locked', null
				from staged s join targets.return_report r on r.indicator = s.indicator
				     and coalesce(r.region_code, '') = coalesce(s.region_code, '')
				     and coalesce(r.task_line_id, 0) = coalesce(s.task_line_id, 0)
				     and coalesce(r.label, '') = coalesce(s.label, '') and r.as_of = s.as_of
				where s.row_number = s.first_row and r.status = 'APPROVED'
				  and (r.value, r.evidence) is distinct from (s.value, s.evidence)
				order by 1
				""").param("job", job).query((rs, i) -> rs.getString(4) == null
						? RowError.of(rs.getInt(1), rs.getString(2), rs.getString(3))
						: RowError.of(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
	}

	/**
	 * Files the rows as the form does: a new figure is submitted; one awaiting approval or sent back is replaced and
	 * submitted again; an approved one is never touched. Each figure filed is audited as a submission.
	 */
	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = staged(job, fromRow, toRow);
		var filed = overRows("""
				insert into targets.return_report (indicator, region_code, region_path, task_line_id, label,
				    as_of, value, evidence, status, submitted_by, submitted_at)
				select indicator, region_code, region_path, task_line_id, label, as_of, value, evidence,
				    'SUBMITTED', :user, now()
				from targets.return_staging where job_id = :job and row_number between :from and :to
				on conflict (indicator, coalesce(region_code, ''), coalesce(task_line_id, 0), coalesce(label, ''), as_of)

				do update set value = excluded.value, evidence = excluded.evidence, status = 'SUBMITTED',
				    submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
				    version = targets.return_report.version + 1
				where targets.return_report.status <> 'APPROVED'
				  and (targets.return_report.value, targets.return_report.evidence, targets.return_report.status)
				      is distinct from (excluded.value, excluded.evidence, 'SUBMITTED')
				returning id, indicator, value
				""", job, fromRow, toRow).param("user", actor.username())
				.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getBigDecimal(3) }).list();
		for (var f : filed) {
			audit.record(actor, "targets.return.submit", String.valueOf(f[0]), AuditOutcome.SUCCESS,
					f[1] + " " + ((BigDecimal) f[2]).toPlainString() + " import:" + job);
		}
		return new MergeCounts(filed.size(), staged - filed.size());
	}
}
