package cn.gongjiang.analytics;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.analytics.wage.GradePremium;
import cn.gongjiang.analytics.wage.Quartiles;
import cn.gongjiang.analytics.wage.Suppression;
import cn.gongjiang.analytics.wage.WageSketch;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;

/**
 * Wages by skill grade (ANA-2; 000 三(三) "薪酬水平动态分析"; 扩中提低): median and quartiles per grade or
 * occupation group for a region, year and source, the grade premium, the trend, and the share inside the
 * middle-income band. Each figure names its source and whether it is exact: a county's cell is exact, a small
 * selection is computed exactly from the observations, a large one by merging the cells' t-digests (ADR 0010).
 * Small cells are suppressed (see {@link Suppression}).
 */
@Service
public class Wages {

	/** Up to this many observations a selection's quartiles are computed exactly ({@code percentile_cont}). */
	static final int EXACT_LIMIT = 5_000;
	static final Set<String> SOURCES = Set.of("WAGE_SURVEY", "SOCIAL_INSURANCE", "JOB_POSTING", "DEMAND");

	public enum GroupBy {
		GRADE, OCCUPATION;

		public static GroupBy of(String text) {
			try {
				return text == null || text.isBlank() ? GRADE : valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidValueException("analytics.wages.group-by", text);
			}
		}
	}

	/** How quartiles of a merged selection are found: exact when cheap (AUTO), always by sketch, always exact. */
	public enum Precision { AUTO, SKETCH, EXACT }

	/**
	 * One row: the grade code or occupation group ({@code *} for the total), persons (null when suppressed), the
	 * quartiles (null when suppressed), whether they are exact, the share inside the band, the premium over the
	 * next lower grade, and why something is hidden ({@code NONE} when nothing is).
	 */
	public record Figure(String key, Long persons, Double p25, Double p50, Double p75, boolean exact,
			Double inBandShare, Double premium, Suppression.Reason hidden) {
	}

	/** A grade's median per year, for the trend chart (null where suppressed). */
	public record Trend(String grade, Map<Integer, Double> medians) {
	}

	/** The wages page and API body. */
	public record Table(String regionCode, String regionName, Integer year, String source, GroupBy groupBy,
			List<Figure> rows, Figure total, IncomeBands.Band band, Double skilledInBandShare, List<Integer> years,
			List<Trend> trend, boolean built) {
	}

	private record Cell(String key, long persons, long inBand, double p25, double p50, double p75, byte[] digest) {
	}

	private final JdbcClient jdbc;
	private final AnalyticsTables tables;
	private final AnalyticsScope scope;
	private final IncomeBands bands;

	Wages(JdbcClient jdbc, AnalyticsTables tables, AnalyticsScope scope, IncomeBands bands) {
		this.jdbc = jdbc;
		this.tables = tables;
		this.scope = scope;
		this.bands = bands;
	}

	@Transactional(readOnly = true)
	public Table table(Actor actor, String regionCode, Integer year, String source, GroupBy groupBy) {
		return table(actor, regionCode, year, source, groupBy, Precision.AUTO);
	}

	@Transactional(readOnly = true)
	public Table table(Actor actor, String regionCode, Integer year, String source, GroupBy groupBy,
			Precision precision) {
		var region = scope.region(actor, regionCode);
		var wanted = source == null || source.isBlank() ? "WAGE_SURVEY" : source.strip().toUpperCase(Locale.ROOT);
		if (!SOURCES.contains(wanted)) {
			throw new InvalidValueException("analytics.wages.source", source);
		}
		var generation = tables.current();
		var band = bands.current().orElse(null);
		if (generation.isEmpty()) {
			return new Table(region.code(), region.name(), year, wanted, groupBy, List.of(), null, band, null,
					List.of(), List.of(), false);
		}
		var g = generation.get();
		var years = jdbc.sql("select distinct year from analytics.wage_cell where generation = :g and source = :s "
				+ "and region_path like :path || '%' order by year desc").param("g", g).param("s", wanted)
				.param("path", region.path()).query(Integer.class).list();
		var y = year != null ? year : years.isEmpty() ? null : years.get(0);
		if (y == null) {
			return new Table(region.code(), region.name(), null, wanted, groupBy, List.of(), null, band, null, years,
					List.of(), true);
		}
		var byGrade = groupBy == GroupBy.GRADE;
		var cells = new LinkedHashMap<String, List<Cell>>();
		jdbc.sql("""
				select case when :byGrade then grade else occupation_group end, persons, in_band, p25, p50, p75, digest
				from analytics.wage_cell
				where generation = :g and year = :y and source = :s and region_path like :path || '%'
				  and (case when :byGrade then occupation_group else grade end) = '*'
				""").param("byGrade", byGrade).param("g", g).param("y", y).param("s", wanted).param("path", region.path())
				.query((rs, i) -> cells.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(new Cell(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
								rs.getDouble(6), rs.getBytes(7))))
				.list();
		var keys = new ArrayList<String>(cells.keySet());
		keys.remove("*");
		keys.sort(byGrade ? Comparator.comparingInt(Wages::gradeOrder)
				: Comparator.comparingLong((String k) -> -persons(cells.get(k))).thenComparing(k -> k));
		var exact = exactWhereCheap(precision, g, y, wanted, region.path(), byGrade, cells);
		var suppression = Suppression.of(keys.stream().map(k -> persons(cells.get(k))).toList());
		var rows = new ArrayList<Figure>();
		for (int i = 0; i < keys.size(); i++) {
			rows.add(figure(keys.get(i), cells.get(keys.get(i)), exact.get(keys.get(i)), suppression.cells().get(i), null));
		}
		if (byGrade) {
			var graded = new ArrayList<Integer>();
			var medians = new ArrayList<Double>();
			for (int i = 0; i < rows.size(); i++) {
				if (!rows.get(i).key().equals("none")) {
					graded.add(i);
					medians.add(rows.get(i).p50());
				}
			}
			var premiums = GradePremium.overLowerGrade(medians);
			for (int j = 0; j < graded.size(); j++) {
				var r = rows.get(graded.get(j));
				rows.set(graded.get(j), new Figure(r.key(), r.persons(), r.p25(), r.p50(), r.p75(), r.exact(),
						r.inBandShare(), premiums.get(j), r.hidden()));
			}
		}
		var total = cells.containsKey("*") ? figure("*", cells.get("*"), exact.get("*"), suppression.total(), null)
				: null;
		Double skilledInBand = null;
		if (byGrade) {
			long persons = 0, inBand = 0;
			for (var k : keys) {
				if (!k.equals("none") && !k.equals("apprentice")) {
					persons += persons(cells.get(k));
					inBand += cells.get(k).stream().mapToLong(Cell::inBand).sum();
				}
			}
			skilledInBand = band == null || persons < Suppression.MIN_QUANTILES ? null : (double) inBand / persons;
		}
		return new Table(region.code(), region.name(), y, wanted, groupBy, rows, total, band, skilledInBand, years,
				byGrade ? trend(g, wanted, region.path()) : List.of(), true);
	}

	/** Exact quartiles of merged selections small enough to sort, or of all when asked for exact figures. */
	private Map<String, Quartiles> exactWhereCheap(Precision precision, int g, int y, String source, String path,
			boolean byGrade, Map<String, List<Cell>> cells) {
		var result = new HashMap<String, Quartiles>();
		if (precision == Precision.SKETCH) {
			return result;
		}
		var merged = cells.entrySet().stream().filter(e -> e.getValue().size() > 1)
				.filter(e -> precision == Precision.EXACT || persons(e.getValue()) <= EXACT_LIMIT).map(Map.Entry::getKey)
				.toList();
		if (merged.isEmpty()) {
			return result;
		}
		var keys = merged.stream().filter(k -> !k.equals("*")).toArray(String[]::new);
		if (keys.length > 0) {
			jdbc.sql("""
					select case when :byGrade then grade else occupation_group end,
					       percentile_cont(array[0.25, 0.5, 0.75]) within group (order by wage)
					from analytics.wage_observation
					where generation = :g and year = :y and source = :s and region_path like :path || '%'
					  and (case when :byGrade then grade else occupation_group end) = any(:keys)
					group by 1
					""").param("byGrade", byGrade).param("g", g).param("y", y).param("s", source).param("path", path)
					.param("keys", keys).query((rs, i) -> result.put(rs.getString(1), quartiles(rs.getArray(2)))).list();
		}
		if (merged.contains("*")) {
			jdbc.sql("""
					select percentile_cont(array[0.25, 0.5, 0.75]) within group (order by wage)
					from analytics.wage_observation
					where generation = :g and year = :y and source = :s and region_path like :path || '%'
					""").param("g", g).param("y", y).param("s", source).param("path", path)
					.query((rs, i) -> result.put("*", quartiles(rs.getArray(1)))).list();
		}
		return result;
	}

	private List<Trend> trend(int g, String source, String path) {
		var cells = new LinkedHashMap<String, Map<Integer, List<Cell>>>();
		jdbc.sql("""
				select grade, year, persons, in_band, p25, p50, p75, digest from analytics.wage_cell
				where generation = :g and source = :s and region_path like :path || '%' and occupation_group = '*'
				  and grade not in ('*', 'none')
				""").param("g", g).param("s", source).param("path", path)
				.query((rs, i) -> cells.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
						.computeIfAbsent(rs.getInt(2), k -> new ArrayList<>())
						.add(new Cell(rs.getString(1), rs.getLong(3), rs.getLong(4), rs.getDouble(5), rs.getDouble(6),
								rs.getDouble(7), rs.getBytes(8))))
				.list();
		return cells.entrySet().stream().sorted(Comparator.comparingInt(e -> gradeOrder(e.getKey()))).map(e -> {
			var medians = new TreeMap<Integer, Double>();
			e.getValue().forEach((year, list) -> medians.put(year,
					persons(list) < Suppression.MIN_QUANTILES ? null : quartilesOf(list, null).p50()));
			return new Trend(e.getKey(), medians);
		}).toList();
	}

	private static Figure figure(String key, List<Cell> cells, Quartiles exact, Suppression.Verdict verdict,
			Double premium) {
		var persons = persons(cells);
		var inBand = cells.stream().mapToLong(Cell::inBand).sum();
		var q = verdict.quantilesShown() ? quartilesOf(cells, exact) : null;
		var isExact = cells.size() == 1 || exact != null;
		return new Figure(key, verdict.countShown() ? persons : null, q == null ? null : yuan(q.p25()),
				q == null ? null : yuan(q.p50()), q == null ? null : yuan(q.p75()), isExact,
				verdict.quantilesShown() ? (double) inBand / persons : null, premium, verdict.reason());
	}

	/** Wage statistics are read to the yuan. */
	private static double yuan(double wage) {
		return Math.round(wage);
	}

	private static Quartiles quartilesOf(List<Cell> cells, Quartiles exact) {
		if (cells.size() == 1) {
			var c = cells.get(0);
			return new Quartiles(c.p25(), c.p50(), c.p75());
		}
		if (exact != null) {
			return exact;
		}
		return Quartiles.of(WageSketch.merge(cells.stream().map(c -> WageSketch.fromBytes(c.digest())).toList()));
	}

	private static long persons(List<Cell> cells) {
		return cells.stream().mapToLong(Cell::persons).sum();
	}

	private static Quartiles quartiles(Array array) throws SQLException {
		var values = (Object[]) array.getArray();
		return new Quartiles(((Number) values[0]).doubleValue(), ((Number) values[1]).doubleValue(),
				((Number) values[2]).doubleValue());
	}

	/** Grades lowest first, then the persons without a grade. */
	static int gradeOrder(String code) {
		for (var grade : SkillGrade.values()) {
			if (grade.code().equals(code)) {
				return grade.rank();
			}
		}
		return 100;
	}
}
