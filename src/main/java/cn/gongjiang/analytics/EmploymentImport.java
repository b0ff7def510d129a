package cn.gongjiang.analytics;

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

/**
 * Employed persons by file (kind {@code employment-statistics}, ANA-1): the statistics bureau's figures per region
 * and year with the document they come from; the same rules as the form; a changed figure supersedes the old one,
 * the same file twice changes nothing.
 */
@Component
class EmploymentImport extends StagedImport {

	static final String REGION = "区划代码", YEAR = "年份", EMPLOYED = "从业人员数", SOURCE = "来源文件";

	private final EmploymentStatistics statistics;

	EmploymentImport(EmploymentStatistics statistics, JdbcClient jdbc) {
		super("employment-statistics", List.of(ImportColumn.required(REGION, "省、市或县级区划代码，如 330600").field("region"),
				ImportColumn.required(YEAR, "统计年度，如 2024").field("year"),
				ImportColumn.required(EMPLOYED, "年末从业人员，单位：人（统计年鉴以万人列示的请乘以一万）").field("employed"),
				ImportColumn.required(SOURCE, "来源文件，如《绍兴统计年鉴2025》表3-1").field("source")),
				"analytics.employment_staging", List.of("region_code", "region_path", "year", "employed", "source"),
				jdbc);
		this.statistics = statistics;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return EmploymentStatistics.mayRecord(actor);
	}

	@Override
	public RowChecker checker(Actor actor) {
		var rows = rowCheck().scopeIn(REGION).formatErrorsAs("analytics.value.format");
		return row -> rows.check(row, () -> {
			var year = row.read(YEAR, y -> Integer.valueOf(y.replace("年", "").strip()));
			var employed = row.read(EMPLOYED, e -> Long.valueOf(e.replace(",", "").replace("，", "").strip()));
			var checked = statistics.check(actor, new EmploymentStatistics.Form(row.get(REGION), year, employed,
					row.get(SOURCE)));
			return CheckedRow.staged(List.of(checked.regionCode(), checked.regionPath(),
					String.valueOf(checked.year()), String.valueOf(checked.employed()), checked.source()));
		});
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return duplicatesInFile(job, "region_code, year", YEAR);
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = staged(job, fromRow, toRow);
		overRows("""
				update analytics.employment_statistic c set superseded_at = now()
				from analytics.employment_staging s
				where s.job_id = :job and s.row_number between :from and :to and c.region_code = s.region_code
				  and c.year = s.year and c.superseded_at is null and (c.employed <> s.employed or c.source <> s.source)
				""", job, fromRow, toRow).update();
		var inserted = overRows("""
				insert into analytics.employment_statistic (region_code, region_path, year, employed, source, recorded_by)
				select s.region_code, s.region_path, s.year, s.employed, s.source, :by
				from analytics.employment_staging s
				where s.job_id = :job and s.row_number between :from and :to
				  and not exists (select 1 from analytics.employment_statistic c where c.region_code = s.region_code
				                  and c.year = s.year and c.superseded_at is null)
				""", job, fromRow, toRow).param("by", actor.username()).update();
		return new MergeCounts(inserted, staged - inserted);
	}
}
