package cn.gongjiang.recruitment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.recruitment.matching.Component;
import cn.gongjiang.recruitment.matching.GradeGap;
import cn.gongjiang.recruitment.matching.JobProfile;
import cn.gongjiang.recruitment.matching.Match;
import cn.gongjiang.recruitment.matching.Scorer;
import cn.gongjiang.recruitment.matching.SeekerProfile;
import cn.gongjiang.recruitment.matching.Weights;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.training.CatalogueEntry;
import cn.gongjiang.training.OpenClasses;
import cn.gongjiang.training.SubsidyCatalogue;

/**
 * Matching both ways (REC-2): the candidates for a posting and the postings for a person, ranked by the one
 * {@link Scorer} under the weights in force. Candidates are drawn from the seekers who may be contacted whose skills
 * or wish lie in the posting's middle group of the classification (the scorer gives nothing beyond it), at most
 * {@link #DRAWN} of them, the same occupation first; an officer sees their region's. Every list shown is logged
 * (who saw which candidate or posting at which rank) so its precision can be measured against what followed.
 */
@Service
public class Matching {

	/** How many candidates (or postings) are drawn to be scored for one list. */
	static final int DRAWN = 2_000;

	/** A ranked candidate with what an enterprise may see of them. */
	public record Candidate(int rank, Match match, long personId, String name, String idNumberMasked,
			String residencePath, Map<String, Integer> skills, Seeker.Basis basis) {
	}

	/** A ranked posting for a person. */
	public record Suggestion(int rank, Match match, JobPosting job) {
	}

	/** The ranked list and the weights it used (REC-2: every list says which). */
	public record Ranked<T>(List<T> items, Weights weights) {
	}

	/** Precision at 10 over a period: of the candidates shown in a list's top ten, how many were taken up. */
	public record Precision(long shown, long followed, LocalDate from, LocalDate to) {

		public Double share() {
			return shown == 0 ? null : (double) followed / shown;
		}
	}

	private final JdbcClient jdbc;
	private final JobPostings postings;
	private final Jobs jobs;
	private final Seekers seekers;
	private final SubsidyCatalogue catalogue;
	private final OpenClasses classes;
	private final Clock clock;

	Matching(JdbcClient jdbc, JobPostings postings, Jobs jobs, Seekers seekers, SubsidyCatalogue catalogue,
			OpenClasses classes, Clock clock) {
		this.jdbc = jdbc;
		this.postings = postings;
		this.jobs = jobs;
		this.seekers = seekers;
		this.catalogue = catalogue;
		this.classes = classes;
		this.clock = clock;
	}

	/** The weights in force: the newest version already valid. */
	@Transactional(readOnly = true)
	public Weights weights() {
		return jdbc.sql("select * from recruitment.match_weights where valid_from <= :today order by version desc limit 1")
				.param("today", LocalDate.now(clock))
				.query((rs, i) -> new Weights(rs.getInt("version"), rs.getDouble("occupation"), rs.getDouble("grade"),
						rs.getDouble("place"), rs.getDouble("wage"), rs.getDouble("availability"),
						rs.getObject("valid_from", LocalDate.class), rs.getString("source")))
				.single();
	}

	/** Every version of the weights, newest first, for officers to read. */
	@Transactional(readOnly = true)
	public List<Weights> weightHistory() {
		return jdbc.sql("select * from recruitment.match_weights order by version desc")
				.query((rs, i) -> new Weights(rs.getInt("version"), rs.getDouble("occupation"), rs.getDouble("grade"),
						rs.getDouble("place"), rs.getDouble("wage"), rs.getDouble("availability"),
						rs.getObject("valid_from", LocalDate.class), rs.getString("source")))
				.list();
	}

	/** The best {@code limit} candidates for a posting the actor manages, best first, each score explained. */
	@Transactional
	public Ranked<Candidate> candidates(Actor actor, long jobId, int limit) {
		var job = postings.mine(actor, jobId);
		var profile = profile(job);
		var scope = actor.role().officer() ? actor.scope().regionPath() : null;
		var drawn = draw(job.occupationCode(), scope);
		var scorer = scorer();
		var ranked = scorer.rank(profile, drawn.profiles(), Math.max(1, Math.min(limit, 100)));
		var candidates = new ArrayList<Candidate>();
		for (int i = 0; i < ranked.size(); i++) {
			var match = ranked.get(i);
			var info = drawn.info().get(match.personId());
			candidates.add(new Candidate(i + 1, match, match.personId(), info.name(), info.masked(), info.home(),
					drawn.profiles().stream().filter(p -> p.personId() == match.personId()).findFirst().orElseThrow().skills(),
					info.basis()));
		}
		log(actor, "CANDIDATE", ranked);
		return new Ranked<>(candidates, scorer.weights());
	}

	/**
	 * The best open postings for a person in the officer's region, or for the worker themselves. A refusal ("not a
	 * seeker") is raised before anything is written, so it leaves a caller's transaction (a talent profile) intact.
	 */
	@Transactional(noRollbackFor = BusinessException.class)
	public Ranked<Suggestion> jobsFor(Actor actor, long personId, int limit) {
		var seeker = seekers.find(personId).orElseThrow(() -> new NotFoundException("recruitment.seeker.not-found"));
		if (actor.role() == Role.WORKER) {
			var own = seekers.ofWorker(actor).map(s -> s.personId() == personId).orElse(false);
			if (!own) {
				throw new NotFoundException("recruitment.seeker.not-found");
			}
		}
		else if (!actor.officerCovering(seeker.residencePath())) {
			throw new NotFoundException("recruitment.seeker.not-found");
		}
		var profile = profile(seeker);
		var groups = new LinkedHashSet<String>();
		seeker.skills().keySet().forEach(code -> groups.add(middle(code)));
		if (seeker.wantedOccupation() != null) {
			groups.add(middle(seeker.wantedOccupation()));
		}
		var open = jobs.openIn(List.copyOf(groups), DRAWN);
		var byId = new HashMap<Long, JobPosting>();
		var profiles = new ArrayList<JobProfile>();
		for (var job : open) {
			byId.put(job.posting().id(), job.posting());
			profiles.add(profile(job.posting(), job.countyPath()));
		}
		var scorer = scorer();
		var ranked = scorer.rankJobs(profiles, profile, Math.max(1, Math.min(limit, 100)));
		var suggestions = new ArrayList<Suggestion>();
		for (int i = 0; i < ranked.size(); i++) {
			suggestions.add(new Suggestion(i + 1, ranked.get(i), byId.get(ranked.get(i).jobId())));
		}
		log(actor, "JOB", ranked);
		return new Ranked<>(suggestions, scorer.weights());
	}

	/** A worker's own suggestions (/my-jobs): none until they register as a job seeker. */
	@Transactional
	public Ranked<Suggestion> myJobs(Actor worker, int limit) {
		if (worker.role() != Role.WORKER) {
			throw new AccessDeniedException("a worker's own suggestions");
		}
		var seeker = seekers.ofWorker(worker).filter(s -> s.status() == Seeker.Status.SEEKING);
		if (seeker.isEmpty()) {
			return new Ranked<>(List.of(), weights());
		}
		return jobsFor(worker, seeker.get().personId(), limit);
	}

	/**
	 * Precision at 10 of the candidate lists shown for postings of the officer's region in the last {@code days}
	 * days: the share of (posting, person) pairs shown in a top ten that were followed by an application, an
	 * invitation or a hire.
	 */
	@Transactional(readOnly = true)
	public Precision precision(Actor officer, int days) {
		officer.requireRegionalOfficer();
		var to = LocalDate.now(clock);
		var from = to.minusDays(days);
		return jdbc.sql("""
				select count(*) as shown, count(*) filter (where followed) as followed from (
				    select r.job_id, r.person_id, bool_or(a.id is not null) as followed
				    from recruitment.recommendation r
				    join recruitment.job j on j.id = r.job_id
				    left join recruitment.application a on a.job_id = r.job_id and a.person_id = r.person_id
				        and a.created_at >= r.shown_at
				    where r.direction = 'CANDIDATE' and r.rank <= 10 and r.shown_at >= :from
				      and (j.county_path like :scope || '%' or j.enterprise_path like :scope || '%')
				    group by r.job_id, r.person_id
				) pairs
				""").param("from", Timestamp.valueOf(from.atStartOfDay()))
				.param("scope", officer.scope().regionPath())
				.query((rs, i) -> new Precision(rs.getLong(1), rs.getLong(2), from, to)).single();
	}

	/**
	 * The scorer under the weights in force, the related-occupation table and what closes a grade gap. Its inputs
	 * are versioned reference data read at most once a minute; the training that closes a gap is looked up once per
	 * occupation and grade for the list being ranked.
	 */
	Scorer scorer() {
		var inputs = inputs();
		var now = clock.instant();
		var advice = new HashMap<String, Optional<GradeGap.Advice>>();
		GradeGap gaps = (occupation, rank) -> advice.computeIfAbsent(occupation + "|" + rank, key -> {
			var grade = SkillGrade.values()[rank - 1].code();
			var upcoming = classes.next(occupation, grade, now);
			if (upcoming.isPresent()) {
				return Optional.of(new GradeGap.Advice("recruitment.match.grade.gap.class", List.of(
						new Component.Occupation(occupation), new Component.Grade(rank), upcoming.get().providerName(),
						upcoming.get().startsAt())));
			}
			return inputs.catalogue().stream().filter(e -> e.occupationCode().equals(occupation)
					&& (e.grade() == null || e.grade().equals(grade))).findFirst()
					.map(e -> new GradeGap.Advice("recruitment.match.grade.gap.catalogue", List.<Object>of(
							new Component.Occupation(occupation), new Component.Grade(rank), new Component.Yuan(e.standardYuan()))));
		}).orElse(null);
		return new Scorer(inputs.weights(), inputs.related(), gaps);
	}

	private record Inputs(Weights weights, Set<String> related, List<CatalogueEntry> catalogue,
			Instant readAt) {
	}

	private volatile Inputs inputs;

	private Inputs inputs() {
		var now = clock.instant();
		var cached = inputs;
		if (cached == null || cached.readAt().isBefore(now.minusSeconds(60)) || cached.readAt().isAfter(now)) {
			var related = Set.copyOf(jdbc.sql("select occupation_code || '|' || related_code from recruitment.related_occupation")
					.query(String.class).list());
			cached = new Inputs(weights(), related, catalogue.current(), now);
			inputs = cached;
		}
		return cached;
	}

	private record Info(String name, String masked, String home, Seeker.Basis basis) {
	}

	private record Drawn(List<SeekerProfile> profiles, Map<Long, Info> info) {
	}

	/** The seekers worth scoring for an occupation: those with a skill or a wish in its middle group, same occupation first. */
	private Drawn draw(String occupation, String scopePath) {
		var scope = scopePath == null ? "" : " and s.residence_path like :scope || '%'";
		var ids = new LinkedHashSet<Long>();
		for (var prefix : List.of(occupation, minor(occupation) + "-", middle(occupation) + "-")) {
			if (ids.size() >= DRAWN) {
				break;
			}
			var statement = jdbc.sql("""
					select k.person_id from recruitment.seeker_skill k join recruitment.seeker s on s.person_id = k.person_id
					where k.occupation_code like :prefix || '%' and s.status = 'SEEKING'""" + scope + " limit :limit")
					.param("prefix", prefix).param("limit", DRAWN - ids.size());
			if (scopePath != null) {
				statement = statement.param("scope", scopePath);
			}
			ids.addAll(statement.query(Long.class).list());
		}
		if (ids.size() < DRAWN) {
			var statement = jdbc.sql("select s.person_id from recruitment.seeker s where s.status = 'SEEKING' "
					+ "and s.wanted_occupation like :prefix || '%'" + scope + " limit :limit")
					.param("prefix", middle(occupation) + "-").param("limit", DRAWN - ids.size());
			if (scopePath != null) {
				statement = statement.param("scope", scopePath);
			}
			ids.addAll(statement.query(Long.class).list());
		}
		if (ids.isEmpty()) {
			return new Drawn(List.of(), Map.of());
		}
		var array = ids.toArray(Long[]::new);
		var skills = new HashMap<Long, Map<String, Integer>>();
		jdbc.sql("select person_id, occupation_code, grade_rank from recruitment.seeker_skill where person_id = any(:ids)")
				.param("ids", array).query((rs, i) -> skills.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
						.put(rs.getString(2), rs.getInt(3))).list();
		var profiles = new ArrayList<SeekerProfile>();
		var info = new HashMap<Long, Info>();
		jdbc.sql("""
				select person_id, name, id_number_masked, residence_path, basis, wanted_occupation, expected_wage, status
				from recruitment.seeker where person_id = any(:ids)
				""").param("ids", array).query((rs, i) -> {
					var id = rs.getLong(1);
					var basis = Seeker.Basis.valueOf(rs.getString(5));
					profiles.add(new SeekerProfile(id, skills.getOrDefault(id, Map.of()), rs.getString(6), rs.getString(4),
							(Integer) rs.getObject(7), basis.name(), !"SEEKING".equals(rs.getString(8))));
					info.put(id, new Info(rs.getString(2), rs.getString(3), rs.getString(4), basis));
					return null;
				}).list();
		return new Drawn(profiles, info);
	}

	private void log(Actor actor, String direction, List<Match> ranked) {
		if (ranked.isEmpty()) {
			return;
		}
		var batch = ranked.stream().map(m -> new Object[] { actor.username(), direction, m.jobId(), m.personId(),
				ranked.indexOf(m) + 1, BigDecimal.valueOf(m.score()), m.weightsVersion() }).toList();
		// the log feeds a 90-day precision figure: losing the last moment's rows in a crash is harmless, waiting for
		// the disk on every list shown is not (the rest of the transaction only reads)
		jdbc.sql("set local synchronous_commit = off").update();
		var sql = "insert into recruitment.recommendation (viewer, direction, job_id, person_id, rank, score, weights_version) "
				+ "select * from unnest(cast(:viewers as text[]), cast(:directions as text[]), cast(:jobs as bigint[]), "
				+ "cast(:persons as bigint[]), cast(:ranks as integer[]), cast(:scores as numeric[]), cast(:weights as integer[]))";
		jdbc.sql(sql).param("viewers", batch.stream().map(b -> (String) b[0]).toArray(String[]::new))
				.param("directions", batch.stream().map(b -> (String) b[1]).toArray(String[]::new))
				.param("jobs", batch.stream().map(b -> (Long) b[2]).toArray(Long[]::new))
				.param("persons", batch.stream().map(b -> (Long) b[3]).toArray(Long[]::new))
				.param("ranks", batch.stream().map(b -> (Integer) b[4]).toArray(Integer[]::new))
				.param("scores", batch.stream().map(b -> (BigDecimal) b[5]).toArray(BigDecimal[]::new))
				.param("weights", batch.stream().map(b -> (Integer) b[6]).toArray(Integer[]::new)).update();
	}

	private JobProfile profile(JobPosting job) {
		return profile(job, jobs.countyPath(job.id()));
	}

	private static JobProfile profile(JobPosting job, String countyPath) {
		var rank = job.minGrade() == null ? null : SkillGrade.fromCode(job.minGrade()).rank();
		return new JobProfile(job.id(), job.occupationCode(), rank, countyPath, job.wageMin(), job.wageMax(),
				job.graduatesSought());
	}

	private static SeekerProfile profile(Seeker seeker) {
		return new SeekerProfile(seeker.personId(), seeker.skills(), seeker.wantedOccupation(), seeker.residencePath(),
				seeker.expectedWage(), seeker.basis().name(), seeker.status() != Seeker.Status.SEEKING);
	}

	private static String middle(String code) {
		var parts = code.split("-");
		return parts.length < 2 ? code : parts[0] + "-" + parts[1];
	}

	private static String minor(String code) {
		var parts = code.split("-");
		return parts.length < 3 ? code : parts[0] + "-" + parts[1] + "-" + parts[2];
	}
}
