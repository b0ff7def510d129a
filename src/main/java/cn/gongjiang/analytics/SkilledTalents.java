package cn.gongjiang.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.catalogue.CodeItem;
import cn.gongjiang.catalogue.CodeLists;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.Formats;

/**
 * Skilled and high-skilled talents (ANA-1; 浙人社发〔2022〕32号 §18 "技能人才占从业人员比"): persons holding a
 * vocational qualification or skill-level certificate at 初级工 or above in force, high-skilled at 高级工 or above
 * (REF-3), counted where they live (residence, else hukou in Zhejiang), as of 31 December of a year or now, per
 * region, grade and their employer's industry field; manufacturing = 先进制造业 and every field under it in the
 * industry-field code list. Shares against the employed persons of the same region and year, and only where that
 * figure exists: a share never stands on a missing denominator.
 */
@Service
public class SkilledTalents {

	static final String MANUFACTURING_ROOT = "advanced-manufacturing";

	/** Employed persons behind a share: how many, which year, which document. */
	public record Employed(long persons, int year, String source) {
	}

	/** One region's figures as of a day: counts, by grade (codes), manufacturing, and the shares where they stand. */
	public record ShareRow(String regionCode, String regionName, long skilled, long highSkilled,
			long manufacturingSkilled, long manufacturingHighSkilled, Map<String, Long> byGrade, Employed employed,
			Double skilledShareOfEmployed, Double highSkilledShareOfSkilled) {
	}

	/** Skilled talents of one industry field ('' when the employer or its field is unknown). */
	public record IndustryRow(String industryField, boolean manufacturing, long skilled, long highSkilled) {
	}

	/**
	 * The shares page and API body: the region, the day counted (31 December of {@code year}, or the day of the last
	 * rebuild when {@code now}), its row, its children's rows (cities or counties), the persons who could not be
	 * placed below it, its industries, and when the analytics tables were built.
	 */
	public record Shares(String regionCode, String regionName, String level, Integer year, LocalDate asOf, boolean now,
			ShareRow total, List<ShareRow> children, ShareRow unplaced, List<IndustryRow> industries,
			List<Integer> years, Instant builtAt, boolean built) {
	}

	/** The count targets read for an indicator: a region as of a day (SKILLED_TALENTS_TOTAL and its kin). */
	public record SkilledCount(String regionCode, LocalDate asOf, long skilled, long highSkilled,
			long manufacturingSkilled, long manufacturingHighSkilled) {
	}

	private final JdbcClient jdbc;
	private final AnalyticsTables tables;
	private final AnalyticsScope scope;
	private final EmploymentStatistics statistics;
	private final CodeLists codeLists;
	private final Clock clock;

	SkilledTalents(JdbcClient jdbc, AnalyticsTables tables, AnalyticsScope scope, EmploymentStatistics statistics,
			CodeLists codeLists, Clock clock) {
		this.jdbc = jdbc;
		this.tables = tables;
		this.scope = scope;
		this.statistics = statistics;
		this.codeLists = codeLists;
		this.clock = clock;
	}

	/** The industry fields counted as manufacturing: 先进制造业 and every field under it in the code list. */
	public Set<String> manufacturingFields() {
		var items = codeLists.list("industry-field");
		var fields = new HashSet<String>(Set.of(MANUFACTURING_ROOT));
		var grew = true;
		while (grew) {
			grew = false;
			for (CodeItem item : items) {
				if (item.parentCode() != null && fields.contains(item.parentCode()) && fields.add(item.code())) {
					grew = true;
				}
			}
		}
		return fields;
	}

	/** The shares of a region (the officer's own when empty) for a year (as of 31 December) or now (null). */
	@Transactional(readOnly = true)
	public Shares shares(Actor actor, String regionCode, Integer year) {
		var region = scope.region(actor, regionCode);
		var generation = tables.current();
		var today = LocalDate.now(clock);
		if (year != null && (year < AnalyticsTables.FIRST_YEAR || year > today.getYear())) {
			throw new InvalidValueException("analytics.year.invalid", year, AnalyticsTables.FIRST_YEAR, today.getYear());
		}
		var now = year == null || year == today.getYear();
		var children = scope.regions().names().values().stream()
				.filter(r -> region.code().equals(r.parentCode()) && r.level() != RegionLevel.TOWNSHIP)
				.sorted(Comparator.comparing(Region::code)).toList();
		if (generation.isEmpty()) {
			return new Shares(region.code(), region.name(), region.level().name(), year, null, now, null, List.of(),
					null, List.of(), List.of(), null, false);
		}
		var g = generation.get();
		var asOf = now ? latestSnapshot(g) : LocalDate.of(year, 12, 31);
		var manufacturing = manufacturingFields().toArray(String[]::new);
		var rows = new LinkedHashMap<String, long[]>();
		rows.put(region.path(), new long[12]);
		children.forEach(c -> rows.put(c.path(), new long[12]));
		var own = new long[12];
		jdbc.sql("""
				select region_path, grade_rank, industry_field = any(:manufacturing) as m, sum(persons)
				from analytics.skilled_count
				where generation = :g and as_of = :asOf and region_path like :path || '%'
				group by 1, 2, 3
				""").param("manufacturing", manufacturing).param("g", g).param("asOf", asOf).param("path", region.path())
				.query((rs, i) -> {
					var path = rs.getString(1);
					var rank = rs.getInt(2);
					var m = rs.getBoolean(3);
					var persons = rs.getLong(4);
					add(rows.get(region.path()), rank, m, persons);
					if (path.equals(region.path())) {
						add(own, rank, m, persons);
					}
					children.stream().filter(c -> path.startsWith(c.path())).findFirst()
							.ifPresent(c -> add(rows.get(c.path()), rank, m, persons));
					return null;
				}).list();
		var codes = new ArrayList<String>(List.of(region.code()));
		children.forEach(c -> codes.add(c.code()));
		var denominators = statistics.latest(codes, now ? today.getYear() : year, !now);
		var total = row(region, rows.get(region.path()), denominators.get(region.code()));
		var childRows = children.stream().map(c -> row(c, rows.get(c.path()), denominators.get(c.code()))).toList();
		var unplaced = region.level() == RegionLevel.COUNTY || own[0] == 0 ? null : row(region, own, null);
		var fields = Set.of(manufacturing);
		var industries = jdbc.sql("""
				select industry_field, sum(persons), coalesce(sum(persons) filter (where grade_rank >= 4), 0)
				from analytics.skilled_count
				where generation = :g and as_of = :asOf and region_path like :path || '%'
				group by 1 order by 2 desc
				""").param("g", g).param("asOf", asOf).param("path", region.path())
				.query((rs, i) -> new IndustryRow(rs.getString(1), fields.contains(rs.getString(1)), rs.getLong(2),
						rs.getLong(3))).list();
		var built = tables.last().map(AnalyticsTables.Rebuild::finishedAt).orElse(null);
		return new Shares(region.code(), region.name(), region.level().name(), now ? null : year, asOf, now, total,
				childRows, unplaced, industries, years(latestSnapshot(g)), built, true);
	}

	/**
	 * Skilled and high-skilled talents of a region as of a day, in total and in manufacturing: the count a computed
	 * indicator in targets reads. From the snapshot when the day is one, else from the grade spells (any day).
	 */
	@Transactional(readOnly = true)
	public SkilledCount countAsOf(RegionCode region, LocalDate asOf) {
		var path = scope.regions().pathOf(region)
				.orElseThrow(() -> new NotFoundException("analytics.region.not-found", region.value()));
		var generation = tables.current();
		var counts = new long[12];
		if (generation.isPresent()) {
			var manufacturing = manufacturingFields().toArray(String[]::new);
			var snapshot = jdbc.sql("select exists (select 1 from analytics.skilled_count where generation = :g and as_of = :d)")
					.param("g", generation.get()).param("d", asOf).query(Boolean.class).single();
			var sql = snapshot ? """
					select grade_rank, industry_field = any(:manufacturing), sum(persons) from analytics.skilled_count
					where generation = :g and as_of = :d and region_path like :path || '%' group by 1, 2
					""" : """
					select grade_rank, industry_field = any(:manufacturing), count(*) from analytics.grade_spell
					where generation = :g and region_path like :path || '%' and valid_from <= :d
					  and (valid_to is null or valid_to > :d) group by 1, 2
					""";
			jdbc.sql(sql).param("manufacturing", manufacturing).param("g", generation.get()).param("d", asOf)
					.param("path", path).query((rs, i) -> {
						add(counts, rs.getInt(1), rs.getBoolean(2), rs.getLong(3));
						return null;
					}).list();
		}
		return new SkilledCount(region.value(), asOf, counts[0], counts[1], counts[2], counts[3]);
	}

	/**
	 * The six indicators of a region as of a day (003 §18; 004): the counts of {@link #countAsOf}, and the two
	 * shares as fractions (0.35 = 35 %) — the skilled share only against the employed persons of the day's own
	 * year, empty when that figure has not been recorded; the high-skilled share empty when there is nobody skilled.
	 */
	public record Indicators(SkilledCount count, Employed employed, Double skilledShareOfEmployed,
			Double highSkilledShareOfSkilled) {
	}

	@Transactional(readOnly = true)
	public Indicators indicatorsAsOf(RegionCode region, LocalDate asOf) {
		var count = countAsOf(region, asOf);
		var figure = statistics.current(region.value(), asOf.getYear()).orElse(null);
		var employed = figure == null ? null : new Employed(figure.employed(), figure.year(), figure.source());
		return new Indicators(count, employed, employed == null ? null : (double) count.skilled() / employed.persons(),
				count.skilled() == 0 ? null : (double) count.highSkilled() / count.skilled());
	}

	/** The years whose 31 December the tables hold (every year from the first to the one before the rebuild's). */
	List<Integer> years(LocalDate built) {
		var years = new ArrayList<Integer>();
		for (int y = built.getYear() - 1; y >= AnalyticsTables.FIRST_YEAR; y--) {
			years.add(y);
		}
		return years;
	}

	private LocalDate latestSnapshot(int g) {
		return jdbc.sql("select max(as_of) from analytics.skilled_count where generation = :g").param("g", g)
				.query(LocalDate.class).optional()
				.orElseGet(() -> tables.last().map(r -> r.startedAt().atZone(Formats.BEIJING)
						.toLocalDate()).orElse(LocalDate.now(clock)));
	}

	/** counts: [skilled, high, manufacturing skilled, manufacturing high, then by grade rank 2..8 at 4..10]. */
	private static void add(long[] counts, int rank, boolean manufacturing, long persons) {
		counts[0] += persons;
		if (rank >= SkillGrade.SENIOR.rank()) {
			counts[1] += persons;
		}
		if (manufacturing) {
			counts[2] += persons;
			if (rank >= SkillGrade.SENIOR.rank()) {
				counts[3] += persons;
			}
		}
		if (rank >= 2 && rank <= 8) {
			counts[2 + rank] += persons;
		}
	}

	private static ShareRow row(Region region, long[] counts, EmploymentStatistics.Figure figure) {
		var byGrade = new LinkedHashMap<String, Long>();
		for (var grade : SkillGrade.values()) {
			if (grade.rank() >= 2) {
				byGrade.put(grade.code(), counts[2 + grade.rank()]);
			}
		}
		var employed = figure == null ? null : new Employed(figure.employed(), figure.year(), figure.source());
		return new ShareRow(region.code(), region.name(), counts[0], counts[1], counts[2], counts[3], byGrade, employed,
				employed == null ? null : (double) counts[0] / employed.persons(),
				counts[0] == 0 ? null : (double) counts[1] / counts[0]);
	}
}
