package cn.gongjiang.analytics;

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

/**
 * Employed persons by file (kind {@code employment-statistics}, ANA-1): the statistics bureau's figures per region
 * and year with the document they come from; the same rules as the form; a changed figure supersedes the old one,
 * the same file twice changes nothing.
 */
@Component
class EmploymentImport implements ImportHandler {

	static final String REGION = "区划代码", YEAR = "年份", EMPLOYED = "从业人员数", SOURCE = "来源文件";
	private static final Map<String, String> COLUMN_OF_CODE = Map.of("analytics.employment.region.required", REGION,
			"analytics.employment.region.unknown", REGION, "region.code.format", REGION,
			"analytics.employment.year.invalid", YEAR, "analytics.employment.employed.invalid", EMPLOYED,
			"analytics.employment.source.required", SOURCE);

	private final EmploymentStatistics statistics;
	private final JdbcClient jdbc;

	EmploymentImport(EmploymentStatistics statistics, JdbcClient jdbc) {
		this.statistics = statistics;
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "employment-statistics";
	}

	@Override
	public List<ImportColumn> columns() {
		return List.of(ImportColumn.required(REGION, "省、市或县级区划代码，如 330600"),
				ImportColumn.required(YEAR, "统计年度，如 2024"),
				ImportColumn.required(EMPLOYED, "年末从业人员，单位：人（统计年鉴以万人列示的请乘以一万）"),
				ImportColumn.required(SOURCE, "来源文件，如《绍兴统计年鉴2025》表3-1"));
	}

	@Override
	public boolean mayImport(Actor actor) {
		return EmploymentStatistics.mayRecord(actor);
	}

	@Override
	public String stagingTable() {
		return "analytics.employment_staging";
	}

	@Override
	public List<String> stagingColumns() {
		return List.of("region_code", "region_path", "year", "employed", "source");
	}

	@Override
	public RowChecker checker(Actor actor) {
		return row -> {
			var missing = RowError.missing(row, columns());
			if (!missing.isEmpty()) {
				return CheckedRow.rejected(missing);
			}
			String column = YEAR;
			try {
				var year = Integer.valueOf(row.get(YEAR).replace("年", "").strip());
				column = EMPLOYED;
				var employed = Long.valueOf(row.get(EMPLOYED).replace(",", "").replace("，", "").strip());
				var checked = statistics.check(actor, new EmploymentStatistics.Form(row.get(REGION), year, employed,
						row.get(SOURCE)));
				return CheckedRow.staged(List.of(checked.regionCode(), checked.regionPath(),
						String.valueOf(checked.year()), String.valueOf(checked.employed()), checked.source()));
			}
			catch (AccessDeniedException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), REGION, "scope.outside", row.get(REGION))));
			}
			catch (BusinessException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), COLUMN_OF_CODE.getOrDefault(e.code(), REGION),
						e.code(), e.arguments())));
			}
			catch (RuntimeException e) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), column, "analytics.value.format")));
			}
		};
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return jdbc.sql("""
				select row_number, first_row from (
				    select row_number, min(row_number) over (partition by region_code, year) as first_row
				    from analytics.employment_staging where job_id = :job
				) s where row_number <> first_row
				""").param("job", job).query((rs, i) -> RowError.of(rs.getInt(1), YEAR, "duplicate-in-file", rs.getInt(2)))
				.list();
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = jdbc.sql("select count(*) from analytics.employment_staging where job_id = :job and row_number "
				+ "between :from and :to").param("job", job).param("from", fromRow).param("to", toRow)
				.query(Integer.class).single();
		jdbc.sql("""
				update analytics.employment_statistic c set superseded_at = now()
				from analytics.employment_staging s
				where s.job_id = :job and s.row_number between :from and :to and c.region_code = s.region_code
				  and c.year = s.year and c.superseded_at is null and (c.employed <> s.employed or c.source <> s.source)
				""").param("job", job).param("from", fromRow).param("to", toRow).update();
		var inserted = jdbc.sql("""
				insert into analytics.employment_statistic (region_code, region_path, year, employed, source, recorded_by)
				select s.region_code, s.region_path, s.year, s.employed, s.source, :by
				from analytics.employment_staging s
				where s.job_id = :job and s.row_number between :from and :to
				  and not exists (select 1 from analytics.employment_statistic c where c.region_code = s.region_code
				                  and c.year = s.year and c.superseded_at is null)
				""").param("job", job).param("from", fromRow).param("to", toRow).param("by", actor.username()).update();
		return new MergeCounts(inserted, staged - inserted);
	}
}
