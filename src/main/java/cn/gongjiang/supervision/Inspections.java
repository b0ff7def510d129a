package cn.gongjiang.supervision;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.training.TrainingClasses;

/**
 * "Double random, one public" (双随机、一公开, SUP-2): the targets (classes or providers in the officer's region) and
 * the inspectors (two per target, from the region's pool) are both drawn at random, from a seed recorded with the
 * draw so anyone can redo it and get the same result; findings are recorded and the draw published.
 */
@Service
public class Inspections {

	/** A drawn target and what the inspection found. */
	public record Target(String kind, String id, String name, List<String> inspectors, String outcome, String finding) {
	}

	/** A draw with its seed and targets. */
	public record Draw(long id, String population, String regionPath, long seed, int targetCount, String drawnBy,
			Instant drawnAt, Instant publishedAt, List<Target> targets) {

		/** The region the draw was made in: the last code of its path. */
		public String regionCode() {
			return RegionPath.of(regionPath).code().value();
		}
	}

	private static final SecureRandom SEEDS = new SecureRandom();

	private final JdbcClient jdbc;
	private final TrainingClasses classes;
	private final OrganisationRegistry organisations;
	private final AuditLog audit;

	Inspections(JdbcClient jdbc, TrainingClasses classes, OrganisationRegistry organisations, AuditLog audit) {
		this.jdbc = jdbc;
		this.classes = classes;
		this.organisations = organisations;
		this.audit = audit;
	}

	@Transactional
	public long addInspector(Actor actor, String name, String organisation) {
		requireRegionalOfficer(actor);
		if (name == null || name.isBlank() || organisation == null || organisation.isBlank()) {
			throw new InvalidValueException("supervision.inspector.required");
		}
		// a person's name and an organisation's, as printed on an inspection record
		if (name.strip().length() > 50 || organisation.strip().length() > 100) {
			throw new InvalidValueException("supervision.inspector.too-long");
		}
		return jdbc.sql("""
				insert into supervision.inspector (name, organisation, region_path) values (:name, :org, :path) returning id
				""").param("name", name.strip()).param("org", organisation.strip()).param("path", actor.scope().regionPath())
				.query(Long.class).single();
	}

	/** Draws {@code count} targets of the population in the actor's region; {@code seed} null: a fresh one, recorded. */
	@Transactional
	public Draw draw(Actor actor, String population, int count, Long seed) {
		requireRegionalOfficer(actor);
		if (!"CLASSES".equals(population) && !"PROVIDERS".equals(population)) {
			throw new InvalidValueException("supervision.draw.population", population);
		}
		if (count <= 0 || count > 200) {
			throw new InvalidValueException("supervision.draw.count", count);
		}
		var candidates = candidates(actor, population);
		if (candidates.isEmpty()) {
			// nothing to inspect in the region (a county with no classes yet): say so, and record no empty draw
			throw new BusinessException("supervision.draw.nothing-to-draw", population);
		}
		var inspectors = jdbc.sql("""
				select name || '（' || organisation || '）' from supervision.inspector
				where active and (region_path like :path || '%' or :path like region_path || '%') order by id
				""").param("path", actor.scope().regionPath()).query(String.class).list();
		if (inspectors.size() < 2) {
			throw new ConflictException("supervision.draw.too-few-inspectors", inspectors.size());
		}
		var used = seed == null ? SEEDS.nextLong(1, Long.MAX_VALUE) : seed;
		var drawn = drawTargets(candidates, inspectors, count, used);
		var id = jdbc.sql("""
				insert into supervision.draw (population, region_path, seed, target_count, drawn_by)
				values (:population, :path, :seed, :count, :user) returning id
				""").param("population", population).param("path", actor.scope().regionPath()).param("seed", used)
				.param("count", drawn.size()).param("user", actor.username()).query(Long.class).single();
		for (var t : drawn) {
			jdbc.sql("""
					insert into supervision.draw_target (draw_id, target_kind, target_id, target_name, inspectors)
					values (:draw, :kind, :id, :name, :inspectors)
					""").param("draw", id).param("kind", t.kind()).param("id", t.id()).param("name", t.name())
					.param("inspectors", t.inspectors().toArray(String[]::new)).update();
		}
		audit.record(actor, "supervision.draw", "draw:" + id, AuditOutcome.SUCCESS, "seed " + used);
		return find(id);
	}

	/**
	 * The draw itself, a pure function of the sorted candidates, the sorted pool and the seed: targets shuffled and
	 * the first {@code count} taken, then the pool shuffled and dealt two to each target.
	 */
	static List<Target> drawTargets(List<Map.Entry<String, String>> candidates, List<String> inspectors, int count,
			long seed) {
		var random = new Random(seed);
		var pool = new ArrayList<>(candidates);
		Collections.shuffle(pool, random);
		var chosen = pool.subList(0, Math.min(count, pool.size()));
		var people = new ArrayList<>(inspectors);
		Collections.shuffle(people, random);
		var targets = new ArrayList<Target>();
		for (int i = 0; i < chosen.size(); i++) {
			var pair = List.of(people.get((2 * i) % people.size()), people.get((2 * i + 1) % people.size()));
			var kind = chosen.get(i).getKey().startsWith("class:") ? "CLASS" : "PROVIDER";
			targets.add(new Target(kind, chosen.get(i).getKey().substring(chosen.get(i).getKey().indexOf(':') + 1),
					chosen.get(i).getValue(), pair, null, null));
		}
		return targets;
	}

	private List<Map.Entry<String, String>> candidates(Actor actor, String population) {
		if (population.equals("CLASSES")) {
			return classes.list(actor).stream()
					.map(c -> Map.entry("class:" + c.id(), c.providerName() + " " + c.occupationCode()))
					.sorted(Map.Entry.comparingByKey()).toList();
		}
		return organisations.providers(actor, null, null).stream()
				.map(p -> Map.entry("provider:" + p.creditCode(), p.name())).sorted(Map.Entry.comparingByKey()).toList();
	}

	@Transactional
	public Draw recordFinding(Actor actor, long drawId, String kind, String targetId, String outcome, String finding) {
		var draw = visible(actor, drawId);
		if (draw.publishedAt() != null) {
			throw new ConflictException("supervision.draw.published");
		}
		if (!"COMPLIANT".equals(outcome) && !"ISSUES_FOUND".equals(outcome)) {
			throw new InvalidValueException("supervision.finding.outcome", outcome);
		}
		if ("ISSUES_FOUND".equals(outcome) && (finding == null || finding.isBlank())) {
			throw new InvalidValueException("supervision.finding.required");
		}
		int updated = jdbc.sql("""
				update supervision.draw_target set outcome = :outcome, finding = :finding, recorded_by = :user,
				    recorded_at = now() where draw_id = :draw and target_kind = :kind and target_id = :id
				""").param("outcome", outcome).param("finding", finding == null ? null : finding.strip())
				.param("user", actor.username()).param("draw", drawId).param("kind", kind).param("id", targetId).update();
		if (updated == 0) {
			throw new NotFoundException("supervision.target.not-found");
		}
		audit.record(actor, "supervision.finding", "draw:" + drawId, AuditOutcome.SUCCESS, kind + ":" + targetId);
		return find(drawId);
	}

	/** Publishes the results (一公开) once every target has its outcome. */
	@Transactional
	public Draw publish(Actor actor, long drawId) {
		var draw = visible(actor, drawId);
		if (draw.targets().stream().anyMatch(t -> t.outcome() == null)) {
			throw new ConflictException("supervision.draw.incomplete");
		}
		jdbc.sql("update supervision.draw set published_at = now() where id = :id and published_at is null")
				.param("id", drawId).update();
		audit.record(actor, "supervision.publish", "draw:" + drawId, AuditOutcome.SUCCESS, null);
		return find(drawId);
	}

	/** A page of the draws of the officer's region, newest first. */
	@Transactional(readOnly = true)
	public Page<Draw> page(Actor actor, PageRequest request) {
		requireRegionalOfficer(actor);
		var ids = jdbc.sql("select id from supervision.draw where region_path like :path || '%' order by id desc limit :limit offset :offset")
				.param("path", actor.scope().regionPath()).param("limit", request.size()).param("offset", request.offset())
				.query(Long.class).list();
		var total = jdbc.sql("select count(*) from supervision.draw where region_path like :path || '%'")
				.param("path", actor.scope().regionPath()).query(Long.class).single();
		return Page.of(ids.stream().map(this::find).toList(), total, request);
	}

	/** Draws of the officer's region whose results are not public yet. */
	@Transactional(readOnly = true)
	public long unpublished(Actor actor) {
		requireRegionalOfficer(actor);
		return jdbc.sql("select count(*) from supervision.draw where region_path like :path || '%' and published_at is null")
				.param("path", actor.scope().regionPath()).query(Long.class).single();
	}

	/** One draw of the officer's region. */
	@Transactional(readOnly = true)
	public Draw draw(Actor actor, long id) {
		return visible(actor, id);
	}

	/** An inspector of the pool the officer's draws take from. */
	public record Inspector(long id, String name, String organisation) {
	}

	@Transactional(readOnly = true)
	public List<Inspector> inspectors(Actor actor) {
		requireRegionalOfficer(actor);
		return jdbc.sql("""
				select id, name, organisation from supervision.inspector
				where active and (region_path like :path || '%' or :path like region_path || '%') order by id
				""").param("path", actor.scope().regionPath()).query(Inspector.class).list();
	}

	/** A page of the published draws, for the public page, most recently published first. */
	@Transactional(readOnly = true)
	public Page<Draw> published(PageRequest request) {
		var ids = jdbc.sql("select id from supervision.draw where published_at is not null order by published_at desc, id desc limit :limit offset :offset")
				.param("limit", request.size()).param("offset", request.offset()).query(Long.class).list();
		var total = jdbc.sql("select count(*) from supervision.draw where published_at is not null").query(Long.class).single();
		return Page.of(ids.stream().map(this::find).toList(), total, request);
	}

	@Transactional(readOnly = true)
	public List<Draw> list(Actor actor) {
		requireRegionalOfficer(actor);
		return jdbc.sql("select id from supervision.draw where region_path like :path || '%' order by id desc limit 100")
				.param("path", actor.scope().regionPath()).query(Long.class).list().stream().map(this::find).toList();
	}

	/** Published draws, for the public page. */
	@Transactional(readOnly = true)
	public List<Draw> published() {
		return jdbc.sql("select id from supervision.draw where published_at is not null order by published_at desc limit 100")
				.query(Long.class).list().stream().map(this::find).toList();
	}

	private Draw visible(Actor actor, long id) {
		requireRegionalOfficer(actor);
		var draw = find(id);
		if (!draw.regionPath().startsWith(actor.scope().regionPath())) {
			throw new NotFoundException("supervision.draw.not-found");
		}
		return draw;
	}

	Draw find(long id) {
		var targets = jdbc.sql("""
				select target_kind, target_id, target_name, inspectors, outcome, finding from supervision.draw_target
				where draw_id = :id order by target_kind, target_id
				""").param("id", id).query((rs, i) -> new Target(rs.getString(1), rs.getString(2), rs.getString(3),
						List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6))).list();
		return jdbc.sql("select * from supervision.draw where id = :id").param("id", id)
				.query((rs, i) -> new Draw(rs.getLong("id"), rs.getString("population"), rs.getString("region_path"),
						rs.getLong("seed"), rs.getInt("target_count"), rs.getString("drawn_by"),
						rs.getTimestamp("drawn_at").toInstant(),
						rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
						targets))
				.optional().orElseThrow(() -> new NotFoundException("supervision.draw.not-found"));
	}

	private static void requireRegionalOfficer(Actor actor) {
		actor.requireRegionalOfficer();
	}
}
