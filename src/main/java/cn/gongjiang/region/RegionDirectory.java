package cn.gongjiang.region;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Reading and maintaining the region tree. A region-bound officer sees their own area and the regions above it
 * (docs/adr/0003-data-scope.md); anything else answers "not found", exactly as an unknown code does.
 */
@Service
public class RegionDirectory {

	private final Regions regions;
	private final AuditLog audit;

	RegionDirectory(Regions regions, AuditLog audit) {
		this.regions = regions;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Region find(RegionCode code, Actor actor) {
		return regions.find(code.value(), actor.scope())
				.orElseThrow(() -> new NotFoundException("region.not-found", code.value()));
	}

	@Transactional(readOnly = true)
	public List<Region> children(RegionCode code, Actor actor) {
		find(code, actor);
		return regions.children(code.value(), actor.scope());
	}

	/** The regions from the province down to {@code region}, for a breadcrumb. */
	@Transactional(readOnly = true)
	public List<Region> lineage(Region region) {
		return regions.byCodes(region.lineage());
	}

	@Transactional(readOnly = true)
	public List<Region> mountainCounties() {
		return regions.mountainCounties();
	}

	/** Every region by code, for checking many codes at once (a bulk import); 1,490 small records. */
	@Transactional(readOnly = true)
	public Map<String, Region> all() {
		return regions.all().stream().collect(Collectors.toUnmodifiableMap(Region::code, r -> r));
	}

	/**
	 * A region's name by code, for showing codes as names; the code itself when it is no region of Zhejiang
	 * (a hukou elsewhere). Names change only by migration, so they are read once per process.
	 */
	public String nameOf(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		var region = names().get(code);
		return region == null ? code : region.name();
	}

	/** The region and the ones above it below the province, as officials write a place: 绍兴市柯桥区. */
	public String placeOf(String code) {
		var region = code == null ? null : names().get(code);
		if (region == null) {
			return nameOf(code);
		}
		var place = new StringBuilder();
		for (var level : region.lineage()) {
			var above = names().get(level);
			if (above != null && above.level() != RegionLevel.PROVINCE) {
				place.append(above.name());
			}
		}
		return place.isEmpty() ? region.name() : place.toString();
	}

	/** Every region by code as read at start (names and levels only: the mountain-county flag may have changed). */
	public Map<String, Region> names() {
		var cached = named;
		if (cached == null) {
			cached = regions.all().stream()
					.collect(Collectors.toUnmodifiableMap(Region::code, r -> r));
			named = cached;
		}
		return cached;
	}

	private volatile Map<String, Region> named;

	/** Any region by code, whoever asks: for checking codes that users enter (regions are public reference data). */
	@Transactional(readOnly = true)
	public Optional<Region> lookup(RegionCode code) {
		return regions.find(code.value(), DataScope.NONE);
	}

	/** The materialised path of a region, for building a data scope; empty when the code does not exist. */
	@Transactional(readOnly = true)
	public Optional<String> pathOf(RegionCode code) {
		return regions.pathOf(code.value());
	}

	/**
	 * Designating a mountain county (山区26县) is the province's decision (003 §3, §13); recorded with the
	 * expected version so that two officers cannot overwrite each other.
	 */
	@Transactional
	public Region changeMountainCounty(RegionCode code, Boolean mountainCounty, Integer expectedVersion, Actor actor) {
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			throw actor.refuse("region.mountain-county.change", code.value(), null);
		}
		if (mountainCounty == null || expectedVersion == null) {
			throw new InvalidValueException("region.mountain-county.required");
		}
		var region = find(code, actor);
		if (region.level() != RegionLevel.COUNTY) {
			throw new InvalidValueException("region.mountain-county.not-county", code.value());
		}
		if (!regions.updateMountainCounty(code.value(), mountainCounty, expectedVersion)) {
			throw new ConflictException("region.changed", code.value());
		}
		audit.record(actor, "region.mountain-county.change", code.value(), AuditOutcome.SUCCESS,
				region.mountainCounty() + " -> " + mountainCounty);
		return find(code, actor);
	}
}
