package cn.gongjiang.targets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;

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
	public List<Progress> progress(Actor actor, Query query) {
		TargetScope.requireOfficer(actor);
		if (query.region() != null) {
			// an out-of-scope region is as unknown as a missing one (404)
			regions.find(RegionCode.of(query.region()), actor);
		}
		var asOf = asOf(query.asOf());
		var filter = new TargetStore.Filter(query.indicator(), query.children() ? null : query.region(),
				query.children() ? query.region() : null, query.department(), query.year());
		return store.measured(actor, filter, asOf).stream()
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
				cn.gongjiang.shared.security.DataScope.region(RegionCode.ZHEJIANG, TargetScope.PROVINCE_PATH),
				false);
		var cities = store.measured(province, new TargetStore.Filter(indicator, null, "330000", null, year), day)
				.stream().filter(m -> m.target().periodKind() == PeriodKind.YEAR)
				.map(m -> Progress.assess(m.target(), m.actual(), m.actualSource(), day, thresholdPoints))
				.sorted(Comparator.comparing((Progress p) -> p.progress() == null)
						.thenComparing(p -> p.progress() == null ? 0 : -p.progress()))
				.toList();
		return java.util.stream.IntStream.range(0, cities.size()).mapToObj(i -> new Ranked(i + 1, cities.get(i)))
				.toList();
	}

	/**
	 * What the platform counted for a computed indicator at a region that has no target of its own (a county under a
	 * city's target): the year's records up to the as-of date, or everything up to it for a cumulative indicator.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<java.math.BigDecimal> counted(Actor actor, String indicator, String region, int year,
			LocalDate asOf, boolean cumulative) {
		TargetScope.requireOfficer(actor);
		regions.find(RegionCode.of(region), actor);
		var day = asOf(asOf);
		var end = LocalDate.of(year, 12, 31);
		return store.indicators().stream().filter(i -> i.code().equals(indicator) && i.computed()).findFirst()
				.map(i -> rollups.total(i.fact(), region, cumulative ? null : LocalDate.of(year, 1, 1),
						day.isBefore(end) ? day : end));
	}

	LocalDate asOf(LocalDate asOf) {
		return asOf == null ? LocalDate.now(clock) : asOf;
	}

	double thresholdPoints() {
		return thresholdPoints;
	}
}
