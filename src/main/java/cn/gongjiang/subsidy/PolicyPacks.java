package cn.gongjiang.subsidy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Policy packs (SUB-2): drafted, compared and published by a second officer; the version in force on a day. */
@Service
public class PolicyPacks {

	private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final RegionDirectory regions;
	private final AuditLog audit;

	PolicyPacks(JdbcClient jdbc, JsonMapper json, RegionDirectory regions, AuditLog audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.regions = regions;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<PolicyPack> published() {
		return jdbc.sql("select * from subsidy.policy_pack where status = 'PUBLISHED' order by scope_path, version")
				.query((rs, i) -> pack(rs)).list();
	}

	/** A proposed new version of a scope's pack: its parameters in full, from a date. */
	public record Draft(String scopeRegion, LocalDate effectiveFrom, LocalDate effectiveUntil, String title,
			String source, Map<String, Object> parameters) {
	}

	/** One parameter that differs between the version in force and a draft. */
	public record Difference(String parameter, Object inForce, Object draft) {
	}

	/**
	 * Drafts the next version of a scope's pack (the province's, or a city's by its own officers). Published versions
	 * are never edited: a change is always a new version from a date.
	 */
	@Transactional
	public PolicyPack draft(Actor actor, Draft d) {
		actor.requireRegionalOfficer("subsidy.pack.draft", d.scopeRegion());
		var path = d.scopeRegion() == null ? null : regions.pathOf(RegionCode.of(d.scopeRegion())).orElse(null);
		if (path == null || RegionPath.of(path).depth() > RegionPath.CITY) {
			throw new InvalidValueException("subsidy.pack.scope", d.scopeRegion());
		}
		if (!actor.regionalOfficer() || !actor.scope().regionPath().equals(path)
				&& !actor.is(Role.PROVINCE_OFFICER)) {
			throw actor.refuse("subsidy.pack.draft", d.scopeRegion(), null);
		}
		if (d.effectiveFrom() == null || d.parameters() == null || d.parameters().isEmpty() || d.title() == null
				|| d.title().isBlank() || d.source() == null || d.source().isBlank()) {
			throw new InvalidValueException("subsidy.pack.incomplete");
		}
		if (d.effectiveUntil() != null && d.effectiveUntil().isBefore(d.effectiveFrom())) {
			throw new InvalidValueException("subsidy.pack.period", d.effectiveFrom(), d.effectiveUntil());
		}
		var version = jdbc.sql("select coalesce(max(version), 0) + 1 from subsidy.policy_pack where scope_region = :r")
				.param("r", d.scopeRegion()).query(Integer.class).single();
		var id = jdbc.sql("""
				insert into subsidy.policy_pack (scope_region, scope_path, version, effective_from, effective_until,
				    title, source, parameters, status, drafted_by)
				values (:region, :path, :version, :from, :until, :title, :source, cast(:parameters as jsonb), 'DRAFT',
				    :user)
				returning id
				""").param("region", d.scopeRegion()).param("path", path).param("version", version)
				.param("from", d.effectiveFrom()).param("until", d.effectiveUntil()).param("title", d.title().strip()).param("source", d.source().strip())
				.param("parameters", json.writeValueAsString(d.parameters())).param("user", actor.username())
				.query(Long.class).single();
		audit.record(actor, "subsidy.pack.draft", "pack:" + id, AuditOutcome.SUCCESS, d.scopeRegion() + " v" + version);
		return byId(id);
	}

	/** What a draft changes against the version in force on its date, for the officers who may read the draft. */
	@Transactional(readOnly = true)
	public List<Difference> compare(Actor actor, long draftId) {
		var draft = readable(actor, draftId, "subsidy.pack.compare");
		var current = find(draft.scopePath(), draft.effectiveFrom()).map(PolicyPack::parameters).orElse(Map.of());
		var keys = new TreeSet<String>(current.keySet());
		keys.addAll(draft.parameters().keySet());
		return keys.stream().filter(k -> !Objects.equals(current.get(k), draft.parameters().get(k)))
				.map(k -> new Difference(k, current.get(k), draft.parameters().get(k))).toList();
	}

	/** Publishing needs a second officer: whoever drafted a version cannot publish it (four eyes). */
	@Transactional
	public PolicyPack publish(Actor actor, long draftId) {
		var drafted = jdbc.sql("select drafted_by, status, scope_path from subsidy.policy_pack where id = :id")
				.param("id", draftId).query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
				.optional().orElseThrow(() -> new NotFoundException("subsidy.pack.not-found"));
		if (!actor.regionalOfficer() || !drafted[2].startsWith(actor.scope().regionPath())) {
			throw actor.refuse("subsidy.pack.publish", "pack:" + draftId, null);
		}
		if (!"DRAFT".equals(drafted[1])) {
			throw new ConflictException("subsidy.pack.published");
		}
		if (actor.username().equals(drafted[0])) {
			audit.record(actor, "subsidy.pack.publish", "pack:" + draftId, AuditOutcome.DENIED, "four eyes");
			throw new ConflictException("subsidy.pack.second-officer");
		}
		jdbc.sql("""
				update subsidy.policy_pack set status = 'PUBLISHED', published_by = :user, published_at = now()
				where id = :id and status = 'DRAFT'
				""").param("user", actor.username()).param("id", draftId).update();
		audit.record(actor, "subsidy.pack.publish", "pack:" + draftId, AuditOutcome.SUCCESS, null);
		return byId(draftId);
	}

	/**
	 * The version a draft would follow: the scope's latest begun by the draft's first day, even if its period ended
	 * before (a successor follows the document it continues).
	 */
	@Transactional(readOnly = true)
	public Optional<PolicyPack> followed(PolicyPack draft) {
		return find(draft.scopePath(), draft.effectiveFrom());
	}

	/** The ids of the published versions in force on a day, one per scope. */
	@Transactional(readOnly = true)
	public Set<Long> inForceOn(LocalDate day) {
		var book = book();
		return published().stream().map(PolicyPack::scopePath).distinct()
				.flatMap(path -> book.inForce(path, day).stream()).map(PolicyPack::id)
				.collect(Collectors.toSet());
	}

	/** Every published version, to pick the one in force for many certificates without a query each. */
	@Transactional(readOnly = true)
	public Book book() {
		return new Book(published());
	}

	/** The published versions held in memory: which is in force for a scope on a day. */
	public static final class Book {

		private final List<PolicyPack> packs;

		Book(List<PolicyPack> packs) {
			this.packs = packs;
		}

		/**
		 * The latest version of the scope begun by the day, if its period still holds then: a version that has
		 * lapsed leaves the scope with none (the province's rules alone for a city), not with an older one.
		 */
		public Optional<PolicyPack> inForce(String scopePath, LocalDate day) {
			return packs.stream().filter(p -> p.scopePath().equals(scopePath) && !p.effectiveFrom().isAfter(day))
					.max(Comparator.comparing(PolicyPack::effectiveFrom).thenComparing(PolicyPack::version))
					.filter(p -> p.holdsOn(day));
		}

		/** The scope's earliest version: what a day before any of them is read against, to be told so. */
		public Optional<PolicyPack> first(String scopePath) {
			return packs.stream().filter(p -> p.scopePath().equals(scopePath))
					.min(Comparator.comparing(PolicyPack::effectiveFrom).thenComparing(PolicyPack::version));
		}

		public Optional<PolicyPack> cityInForce(String countyPath, LocalDate day) {
			return inForce(RegionPath.of(countyPath).upTo(RegionPath.CITY).value(), day);
		}

		/** The same book with a draft standing in for every version of its scope (what-if). */
		public Book with(PolicyPack draft) {
			var list = new ArrayList<>(packs.stream().filter(p -> !p.scopePath().equals(draft.scopePath())).toList());
			list.add(draft);
			return new Book(list);
		}
	}

	/**
	 * a pack an officer may read, price and compare: of their own region, a region within it, or the region
	 * enclosing theirs (a county prices its city's draft on its own certificates); never another city's. Anything
	 * else answers as if the pack did not exist.
	 */
	public PolicyPack readable(Actor actor, long id, String action) {
		var pack = byId(id);
		if (!actor.regionalOfficer() || !pack.scopePath().startsWith(actor.scope().regionPath())
				&& !actor.scope().regionPath().startsWith(pack.scopePath())) {
			audit.record(actor, action, "pack:" + id, AuditOutcome.DENIED, null);
			throw new NotFoundException("subsidy.pack.not-found");
		}
		return pack;
	}

	/** The drafts an officer may price or publish: of their own region or any region within it. */
	@Transactional(readOnly = true)
	public List<PolicyPack> drafts(Actor actor) {
		if (!actor.regionalOfficer()) {
			return List.of();
		}
		return jdbc.sql("""
				select * from subsidy.policy_pack where status = 'DRAFT'
				  and (scope_path like :path || '%' or :path like scope_path || '%') order by id desc
				""").param("path", actor.scope().regionPath()).query((rs, i) -> pack(rs)).list();
	}

	PolicyPack byId(long id) {
		return jdbc.sql("select * from subsidy.policy_pack where id = :id").param("id", id).query((rs, i) -> pack(rs))
				.optional().orElseThrow(() -> new NotFoundException("subsidy.pack.not-found"));
	}

	public PolicyPack inForce(String scopePath, LocalDate day) {
		return find(scopePath, day).filter(p -> p.holdsOn(day)).orElseThrow(() -> new IllegalStateException("no pack in force for " + scopePath));
	}

	/** The pack of the city the paying county lies in, if that city has one in force. */
	public Optional<PolicyPack> cityInForce(String countyPath, LocalDate day) {
		var cityPath = RegionPath.of(countyPath).upTo(RegionPath.CITY).value();
		return find(cityPath, day).filter(p -> p.holdsOn(day));
	}

	private Optional<PolicyPack> find(String scopePath, LocalDate day) {
		return jdbc.sql("""
				select * from subsidy.policy_pack where scope_path = :path and status = 'PUBLISHED'
				  and effective_from <= :day order by effective_from desc, version desc limit 1
				""").param("path", scopePath).param("day", day).query((rs, i) -> pack(rs)).optional();
	}

	private PolicyPack pack(ResultSet rs) throws SQLException {
		return new PolicyPack(rs.getLong("id"), rs.getString("scope_region"), rs.getString("scope_path"),
				rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
				rs.getObject("effective_until", LocalDate.class), rs.getString("title"),
				rs.getString("source"), json.readValue(rs.getString("parameters"), PARAMETERS));
	}
}
