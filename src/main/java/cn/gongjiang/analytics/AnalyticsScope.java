package cn.gongjiang.analytics;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;

/**
 * Who may read which analysis: province, city and county officers their own region and what lies under it;
 * everyone else no regional figures at all (a worker reads only their own profile). A region outside the scope
 * answers as if it did not exist.
 */
@Component
class AnalyticsScope {

	private final RegionDirectory regions;

	AnalyticsScope(RegionDirectory regions) {
		this.regions = regions;
	}

	static boolean regionalOfficer(Actor actor) {
		return actor.regionalOfficer();
	}

	/** The region an officer asked for (their own when {@code code} is empty), province to county. */
	Region region(Actor actor, String code) {
		if (!regionalOfficer(actor)) {
			throw new AccessDeniedException("regional officers read the analysis of their region");
		}
		var wanted = code == null || code.isBlank() ? actor.scope().value() : code.strip();
		RegionCode regionCode;
		try {
			regionCode = RegionCode.of(wanted);
		}
		catch (RuntimeException e) {
			throw new NotFoundException("analytics.region.not-found", wanted);
		}
		var region = regions.lookup(regionCode)
				.filter(r -> r.level() != RegionLevel.TOWNSHIP && actor.scope().covers(r.path()))
				.orElseThrow(() -> new NotFoundException("analytics.region.not-found", wanted));
		return region;
	}

	/** A county an officer may read (ANA-4 works county by county). */
	Region county(Actor actor, String code) {
		var region = region(actor, code);
		if (region.level() != RegionLevel.COUNTY) {
			throw new NotFoundException("analytics.county.required", region.code());
		}
		return region;
	}

	RegionDirectory regions() {
		return regions;
	}
}
