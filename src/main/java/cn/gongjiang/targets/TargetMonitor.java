package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;

/** Progress of targets against their actuals and the elapsed time (TGT-3), for the viewer's scope. */
@Service
public class TargetMonitor {

	private final TargetStore store;
	private final Rollups rollups;
	private final RegionDirectory regions;
	private final Clock clock;
	private final double thresholdPoints;

	TargetMonitor(TargetStore store, Rollups rollups, RegionDirectory regions, Clock clock,
			@Value("${gongjiang.targets.behind-threshold-points:5}") double thresholdPoints) {
		this.store = store;
		this.rollups = rollups;
		this.regions = regions;
		this.clock = clock;
		this.thresholdPoints = thresholdPoints;
	}

	/** What to look at; everything optional. {@code children}: the region's direct children instead of itself. */
	public record Query(String indicator, String region, boolean children, String department, Integer year,
			LocalDate asOf) {
	}

	/** A city's place among the 11 on one indicator. */
	public record Ranked(int rank, Progress progress) {
	}

	@Transactional(readOnly = true)
	public List<Indicator> indicators() {
		return store.indicators();
	}

	@Transactional(readOnly = true)
	public List<Integer> years() {
		return store.years();
	}

	@Transactional(readOnly = true)
	public Map<Integer, String> taskLineNames() {
		return store.taskLineNames();
	}

	@Transactional(readOnly = true)
	public List<Progress> progress(Actor actor, Query query) {
		TargetScope.requireOfficer(actor);
		if (query.region() != null) {
			// an out-of-scope region is as unknown as a missing one (404)
			regions.find(RegionCode.of(query.region()), actor);
		}
		var asOf = asOf(query.asOf());
		var filter = new TargetStore.Filter(query.indicator(), query.children() ? null : query.region(),
				query.children() ? query.region() : null, query.department(), query.year());
		return measured(actor, filter, asOf).stream()
				.map(m -> Progress.assess(m.target(), m.actual(), m.actualSource(), asOf, thresholdPoints))
				.toList();
	}

	/**
	 * The 11 cities on one indicator and year, best progress first; targets of unknown size or not reported last.
	 * Published to every officer, as the province's 通报 is.
	 */
	@Transactional(readOnly = true)
	public List<Ranked> ranking(Actor actor, String indicator, int year, LocalDate asOf) {
		TargetScope.requireOfficer(actor);
		if (indicator == null) {
			throw new InvalidValueException("targets.indicator.required");
		}
		var day = asOf(asOf);
		var province = new Actor(actor.accountId(), actor.username(), actor.displayName(), actor.role(),
				DataScope.region(RegionCode.ZHEJIANG, TargetScope.PROVINCE_PATH),
				false);
		var cities = measured(province, new TargetStore.Filter(indicator, null, "330000", null, year), day)
				.stream().filter(m -> m.target().periodKind() == PeriodKind.YEAR)
				.map(m -> Progress.assess(m.target(), m.actual(), m.actualSource(), day, thresholdPoints))
				.sorted(Comparator.comparing((Progress p) -> p.progress() == null)
						.thenComparing(p -> p.progress() == null ? 0 : -p.progress()))
				.toList();
		return IntStream.range(0, cities.size()).mapToObj(i -> new Ranked(i + 1, cities.get(i)))
				.toList();
	}

	/**
	 * What the platform counted for a computed indicator at a region that has no target of its own (a county under a
	 * city's target): the year's records up to the as-of date, or everything up to it for a cumulative indicator.
	 */
	@Transactional(readOnly = true)
	public Optional<BigDecimal> counted(Actor actor, String indicator, String region, int year,
			LocalDate asOf, boolean cumulative) {
		TargetScope.requireOfficer(actor);
		regions.find(RegionCode.of(region), actor);
		var day = asOf(asOf);
		var end = LocalDate.of(year, 12, 31);
		return store.indicators().stream().filter(i -> i.code().equals(indicator) && i.computed()).findFirst()
				.map(i -> rollups.total(i.fact(), region, cumulative ? null : LocalDate.of(year, 1, 1),
						day.isBefore(end) ? day : end));
	}

	/** What a dashboard opens on when the reader has not said. */
	public record View(String indicator, int year) {
	}

	/**
	 * The indicator and year a dashboard opens on: the year asked for, or else this year when anything was
	 * counted or reported in it, the latest year before it when something was, the nearest after it otherwise; in
	 * that year the first indicator with data on which the regions below differ (eleven regions of one colour say
	 * nothing the table does not), else the first with data, else the first with a target. A county, which has no
	 * targets of its own, opens on its city's with what was counted at the county.
	 */
	@Transactional(readOnly = true)
	public View defaultView(Actor actor, String regionCode, Integer year, LocalDate asOf) {
		TargetScope.requireOfficer(actor);
		var region = regions.find(RegionCode.of(regionCode), actor);
		var targetsOf = region.level() == RegionLevel.COUNTY ? region.parentCode() : region.code();
		var activity = store.activity(targetsOf, region.code(), region.level() == RegionLevel.COUNTY);
		var day = asOf(asOf);
		if (activity.isEmpty()) {
			return new View(store.indicators().get(0).code(), year == null ? day.getYear() : year);
		}
		int chosen = year != null ? year : chooseYear(activity, day.getYear());
		var inYear = activity.stream().filter(a -> a.year() == chosen).toList();
		var withData = inYear.stream().filter(TargetStore.Activity::data).map(TargetStore.Activity::indicator).toList();
		if (region.level() != RegionLevel.COUNTY) {
			for (var indicator : withData) {
				var statuses = progress(actor, new Query(indicator, region.code(), true, null, chosen, day)).stream()
						.filter(p -> p.target().periodKind() != PeriodKind.RANGE).map(Progress::status).distinct().count();
				if (statuses > 1) {
					return new View(indicator, chosen);
				}
			}
		}
		if (!withData.isEmpty()) {
			return new View(withData.get(0), chosen);
		}
		return new View(inYear.isEmpty() ? activity.get(0).indicator() : inYear.get(0).indicator(), chosen);
	}

	static int chooseYear(List<TargetStore.Activity> activity, int thisYear) {
		var years = activity.stream().filter(TargetStore.Activity::data).map(TargetStore.Activity::year).distinct()
				.sorted().toList();
		if (years.contains(thisYear)) {
			return thisYear;
		}
		return years.stream().filter(y -> y < thisYear).reduce((a, b) -> b)
				.or(() -> years.stream().filter(y -> y > thisYear).findFirst())
				.orElse(activity.stream().map(TargetStore.Activity::year).anyMatch(y -> y == thisYear) ? thisYear
						: activity.get(activity.size() - 1).year());
	}

	/** A target of the county's city with what the county itself counted or reported towards it. */
	public record CountyShare(Progress city, BigDecimal county, String countySource) {

		/** The county's part of the city's actual, when both are known and the city's is not zero. */
		public Double share() {
			if (county == null || city.actual() == null || city.actual().signum() == 0) {
				return null;
			}
			return county.divide(city.actual(), MathContext.DECIMAL64).doubleValue();
		}
	}

	/**
	 * What a county officer follows (counties have no targets of their own in the documents): every target of its
	 * city in the year, measured, with the county's own count (computed indicators) or its own latest return.
	 * The city's targets are shown to the county as the province's 通报 is shown to every city.
	 */
	@Transactional(readOnly = true)
	public List<CountyShare> countyShares(Actor actor, String countyCode, int year, LocalDate asOf) {
		TargetScope.requireOfficer(actor);
		var county = regions.find(RegionCode.of(countyCode), actor);
		if (county.level() != RegionLevel.COUNTY) {
			throw new InvalidValueException("targets.region.not-a-county", countyCode);
		}
		var day = asOf(asOf);
		var cityPath = county.path().substring(0, county.path().lastIndexOf('/', county.path().length() - 2) + 1);
		var city = new Actor(actor.accountId(), actor.username(), actor.displayName(), actor.role(),
				DataScope.region(RegionCode.of(county.parentCode()), cityPath), false);
		var facts = store.indicators().stream().filter(Indicator::computed)
				.collect(Collectors.toMap(Indicator::code, Indicator::fact));
		return measured(city, new TargetStore.Filter(null, county.parentCode(), null, null, year), day).stream()
				.map(m -> Progress.assess(m.target(), m.actual(), m.actualSource(), day, thresholdPoints))
				.map(p -> {
					var t = p.target();
					var until = t.countsUntil(day);
					if (facts.containsKey(t.indicator())) {
						return new CountyShare(p, rollups.total(facts.get(t.indicator()), county.code(), t.countsFrom(), until),
								"COMPUTED");
					}
					var reported = store.latestReturn(t.indicator(), county.code(), t.countsFrom(), until);
					return new CountyShare(p, reported, reported == null ? null : "REPORTED");
				}).toList();
	}

	/**
	 * The store's targets with what the records say; a stock indicator (技能人才总量 …) read on its day, the as-of day
	 * or the period's end when that came first, since a stock is not the sum of the period's events.
	 */
	private List<TargetStore.Measured> measured(Actor actor, TargetStore.Filter filter, LocalDate day) {
		var facts = store.indicators().stream().filter(Indicator::computed)
				.collect(Collectors.toMap(Indicator::code, Indicator::fact));
		return store.measured(actor, filter, day).stream().map(m -> {
			var fact = facts.get(m.target().indicator());
			if (!SkilledStock.measures(fact) || m.target().regionCode() == null) {
				return m;
			}
			return new TargetStore.Measured(m.target(), rollups.total(fact, m.target().regionCode(), null,
					m.target().countsUntil(day)), m.actualSource());
		}).toList();
	}

	LocalDate asOf(LocalDate asOf) {
		return asOf == null ? LocalDate.now(clock) : asOf;
	}

	double thresholdPoints() {
		return thresholdPoints;
	}
}
