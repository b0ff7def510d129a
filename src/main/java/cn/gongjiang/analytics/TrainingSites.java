package cn.gongjiang.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.analytics.travel.CoordinateSystem;
import cn.gongjiang.analytics.travel.Point;
import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Where training is offered (ANA-4): each provider's sites, entered by the provider, and the counties' public
 * training bases (公共实训基地) and stations (培训站点), entered by officers; with the address, the coordinates (kept
 * in WGS-84, converted when entered in GCJ-02), what each teaches, where the coordinates come from, and whether
 * they are illustrative (示例).
 */
@Service
public class TrainingSites {

	static final Map<String, String> SORTS = Map.of("name", "s.name", "county", "s.county_path", "kind", "s.kind");

	public record Site(long id, String kind, String name, String providerCode, String address, String county,
			String countyPath, double longitude, double latitude, List<String> teaches, String source,
			boolean illustrative, boolean active, int version) {
	}

	/** What an officer or a provider types; the coordinate system as entered. */
	public record Form(String kind, String name, String address, String county, Double longitude, Double latitude,
			String coordinateSystem, List<String> teaches, String source) {
	}

	private final JdbcClient jdbc;
	private final AnalyticsScope scope;
	private final OccupationCatalogue occupations;
	private final AuditLog audit;

	TrainingSites(JdbcClient jdbc, AnalyticsScope scope, OccupationCatalogue occupations, AuditLog audit) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.occupations = occupations;
		this.audit = audit;
	}

	static boolean mayManage(Actor actor) {
		return actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL
				|| actor.regionalOfficer();
	}

	/** A provider adds its own site; an officer a public base or station in the region (or a provider's site). */
	@Transactional
	public Site add(Actor actor, Form form) {
		if (!mayManage(actor)) {
			throw new AccessDeniedException("providers and regional officers enter training sites");
		}
		var provider = actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL;
		var kind = provider ? "PROVIDER_SITE" : form.kind() == null ? "PUBLIC_BASE" : form.kind();
		if (!List.of("PROVIDER_SITE", "PUBLIC_BASE", "STATION").contains(kind) || (!provider && kind.equals("PROVIDER_SITE"))) {
			throw new InvalidValueException("analytics.site.kind.invalid", kind);
		}
		if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 100) {
			throw new InvalidValueException("analytics.site.name.required");
		}
		if (form.address() == null || form.address().isBlank()) {
			throw new InvalidValueException("analytics.site.address.required");
		}
		var county = form.county() == null ? null : scope.regions().lookup(RegionCode.of(form.county()))
				.filter(r -> r.level() == RegionLevel.COUNTY).orElse(null);
		if (county == null) {
			throw new InvalidValueException("analytics.site.county.required");
		}
		if (!provider && !actor.scope().covers(county.path())) {
			throw new AccessDeniedException("outside the officer's region");
		}
		var crs = coordinateSystem(form.coordinateSystem());
		var point = point(crs, form.longitude(), form.latitude());
		var teaches = form.teaches() == null ? List.<String>of()
				: form.teaches().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
		var known = occupations.allCodes();
		teaches.stream().filter(t -> !known.contains(t)).findFirst().ifPresent(t -> {
			throw new InvalidValueException("occupation.not-found", t);
		});
		if (form.source() == null || form.source().isBlank()) {
			throw new InvalidValueException("analytics.site.source.required");
		}
		var id = jdbc.sql("""
				insert into analytics.training_site (kind, name, provider_code, address, county, county_path, longitude,
				    latitude, entered_crs, entered_longitude, entered_latitude, teaches, source, recorded_by)
				values (:kind, :name, :provider, :address, :county, :path, :lon, :lat, :crs, :elon, :elat, :teaches,
				    :source, :by)
				returning id
				""").param("kind", kind).param("name", form.name().strip())
				.param("provider", provider ? actor.scope().value() : null).param("address", form.address().strip())
				.param("county", county.code()).param("path", county.path()).param("lon", point.longitude())
				.param("lat", point.latitude()).param("crs", crs.name()).param("elon", form.longitude())
				.param("elat", form.latitude()).param("teaches", teaches.toArray(String[]::new))
				.param("source", form.source().strip()).param("by", actor.username()).query(Long.class).single();
		audit.record(actor, "analytics.site.add", "site:" + id, AuditOutcome.SUCCESS, null);
		return find(id).orElseThrow();
	}

	/** Takes a site out of the circle (closed, moved); only its provider or an officer of its county. */
	@Transactional
	public Site close(Actor actor, long id) {
		var site = find(id).filter(s -> owns(actor, s)).orElseThrow(() -> new NotFoundException("analytics.site.not-found"));
		jdbc.sql("update analytics.training_site set active = false, updated_at = now(), version = version + 1 where id = :id")
				.param("id", id).update();
		audit.record(actor, "analytics.site.close", "site:" + id, AuditOutcome.SUCCESS, null);
		return find(site.id()).orElseThrow();
	}

	private static boolean owns(Actor actor, Site site) {
		return actor.scope().covers(site.countyPath())
				|| (site.providerCode() != null && site.providerCode().equals(actor.scope().value())
						&& (actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL));
	}

	/** The sites a reader may list: a provider its own, an officer those of the region (or of one county). */
	@Transactional(readOnly = true)
	public Page<Site> list(Actor actor, String county, PageRequest request) {
		String where;
		var params = new HashMap<String, Object>();
		if (actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL) {
			where = "s.provider_code = :provider";
			params.put("provider", actor.scope().value());
		}
		else {
			var region = scope.region(actor, county);
			where = "s.county_path like :path || '%'";
			params.put("path", region.path());
		}
		var total = jdbc.sql("select count(*) from analytics.training_site s where " + where).params(params)
				.query(Long.class).single();
		var rows = jdbc.sql("select * from analytics.training_site s where " + where + " order by "
				+ request.orderBy(SORTS, "s.id") + " limit :limit offset :offset").params(params)
				.param("limit", request.size()).param("offset", request.offset()).query((rs, i) -> site(rs)).list();
		return Page.of(rows, total, request);
	}

	/** Every active site of the province: the circle is computed against all of them (a county's border is open). */
	@Transactional(readOnly = true)
	public List<Site> active() {
		return jdbc.sql("select * from analytics.training_site s where active order by id").query((rs, i) -> site(rs)).list();
	}

	Optional<Site> find(long id) {
		return jdbc.sql("select * from analytics.training_site s where id = :id").param("id", id)
				.query((rs, i) -> site(rs)).optional();
	}

	static CoordinateSystem coordinateSystem(String text) {
		try {
			return CoordinateSystem.of(text);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidValueException("analytics.coordinates.system", text);
		}
	}

	static Point point(CoordinateSystem crs, Double longitude, Double latitude) {
		// Zhejiang lies within 118°E-123.5°E and 27°N-31.5°N: anything else is a typing error or swapped axes
		if (longitude == null || latitude == null || longitude < 118 || longitude > 123.5 || latitude < 27
				|| latitude > 31.5) {
			throw new InvalidValueException("analytics.coordinates.outside", longitude, latitude);
		}
		return crs.toWgs84(longitude, latitude);
	}

	private static Site site(ResultSet rs) throws SQLException {
		var teaches = rs.getArray("teaches");
		return new Site(rs.getLong("id"), rs.getString("kind"), rs.getString("name"), rs.getString("provider_code"),
				rs.getString("address"), rs.getString("county"), rs.getString("county_path"), rs.getDouble("longitude"),
				rs.getDouble("latitude"), teaches == null ? List.of() : Arrays.asList((String[]) teaches.getArray()),
				rs.getString("source"), rs.getBoolean("illustrative"), rs.getBoolean("active"), rs.getInt("version"));
	}
}
