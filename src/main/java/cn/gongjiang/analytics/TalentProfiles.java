package cn.gongjiang.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.archive.ArchiveEntry;
import cn.gongjiang.archive.PersonArchive;
import cn.gongjiang.certification.Certificate;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.recruitment.Matching;
import cn.gongjiang.registry.PersonFacts;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.registry.PersonSummary;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.training.OpenClasses;
import cn.gongjiang.training.SubsidyCatalogue;

/**
 * Talent profiles (多维画像, ANA-3; 000 三(三)): a person's — grades and certificates over time, trainings, subsidies,
 * jobs and placements, the postings that match, the next grade and the training that leads there — for the person
 * and for officers of their region; and a region's or an industry's — counts and shares, the grade pyramid, age and
 * group mix, the occupations most in demand against those most certified, the training delivered, wages by grade.
 */
@Service
public class TalentProfiles {

	/** One step up the grades, from a certificate. */
	public record GradeStep(LocalDate on, String grade, String occupationCode, String certificateNumber) {
	}

	/** The grade after the person's highest, what the catalogue pays for it, and the next class that leads there. */
	public record NextGrade(String occupationCode, String grade, Integer subsidyYuan, boolean shortage,
			OpenClasses.Upcoming nextClass) {
	}

	/** A matching posting, best first ({@code rank} 1), with what it offers. */
	public record MatchingJob(int rank, long jobId, String title, String enterpriseName, String occupationCode,
			String county, Integer wageMin, Integer wageMax) {
	}

	public record PersonProfile(PersonSummary person, String currentGrade, List<GradeStep> grades,
			List<Certificate> certificates, List<ArchiveEntry> trainings, List<ArchiveEntry> subsidies,
			List<ArchiveEntry> jobs, boolean seeker, List<MatchingJob> matchingJobs, NextGrade next) {
	}

	/** Persons by grade and sex (M, F, U). */
	public record PyramidRow(String grade, long male, long female, long unknown) {
	}

	public record Count(String key, long persons) {
	}

	public record GroupCount(String group, long skilled, long highSkilled) {
	}

	/** An occupation: open demand (headcount) beside certificates issued in the last two years. */
	public record OccupationRow(String occupationCode, long demanded, long certified) {
	}

	public record TrainingYear(int year, long enrolled, long completed) {
	}

	public record RegionProfile(String regionCode, String regionName, String industry, LocalDate asOf,
			SkilledTalents.ShareRow figures, List<PyramidRow> pyramid, List<Count> ages, List<GroupCount> groups,
			List<OccupationRow> mostDemanded, List<OccupationRow> mostCertified, List<TrainingYear> training,
			Wages.Table wages, boolean built) {
	}

	private final JdbcClient jdbc;
	private final AnalyticsScope scope;
	private final AnalyticsTables tables;
	private final SkilledTalents skilled;
	private final Wages wages;
	private final PersonArchive archive;
	private final PersonRegistry persons;
	private final PersonFacts facts;
	private final CertificateRegister certificates;
	private final Matching matching;
	private final SubsidyCatalogue catalogue;
	private final OpenClasses classes;
	private final Clock clock;

	TalentProfiles(JdbcClient jdbc, AnalyticsScope scope, AnalyticsTables tables, SkilledTalents skilled, Wages wages,
			PersonArchive archive, PersonRegistry persons, PersonFacts facts, CertificateRegister certificates,
			Matching matching, SubsidyCatalogue catalogue, OpenClasses classes, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.tables = tables;
		this.skilled = skilled;
		this.wages = wages;
		this.archive = archive;
		this.persons = persons;
		this.facts = facts;
		this.certificates = certificates;
		this.matching = matching;
		this.catalogue = catalogue;
		this.classes = classes;
		this.clock = clock;
	}

	/** The worker's own profile. */
	@Transactional
	public PersonProfile mine(Actor worker, Locale locale) {
		if (worker.role() != Role.WORKER) {
			throw new AccessDeniedException("a worker's own profile");
		}
		return person(worker, PersonId.of(persons.self(worker).id()), locale);
	}

	/** A person's profile: the person themselves, or an officer of the region they live or have hukou in. */
	@Transactional
	public PersonProfile person(Actor actor, PersonId personId, Locale locale) {
		if (!(actor.role() == Role.WORKER || actor.regionalOfficer())) {
			throw new AccessDeniedException("officers of the person's region and the person themselves");
		}
		var record = archive.of(actor, personId, locale);
		var held = facts.indexOf(personId).map(certificates::forHolderIndex).orElse(List.of());
		var grades = gradeSteps(held);
		var byKind = new LinkedHashMap<String, List<ArchiveEntry>>();
		record.timeline().forEach(e -> byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e));
		var jobs = new ArrayList<ArchiveEntry>();
		jobs.addAll(byKind.getOrDefault("PLACEMENT", List.of()));
		jobs.addAll(byKind.getOrDefault("EMPLOYER", List.of()));
		jobs.sort(Comparator.comparing(ArchiveEntry::on).reversed());
		var seeker = true;
		List<MatchingJob> matches;
		try {
			var ranked = actor.role() == Role.WORKER ? matching.myJobs(actor, 5) : matching.jobsFor(actor, personId.value(), 5);
			matches = ranked.items().stream().map(s -> new MatchingJob(s.rank(), s.job().id(), s.job().title(),
					s.job().enterpriseName(), s.job().occupationCode(), s.job().county(), s.job().wageMin(),
					s.job().wageMax())).toList();
			if (actor.role() == Role.WORKER && matches.isEmpty()) {
				seeker = false;
			}
		}
		catch (BusinessException e) {
			seeker = false;
			matches = List.of();
		}
		return new PersonProfile(record.person(), record.currentGrade() == null ? null : record.currentGrade().code(),
				grades, held, byKind.getOrDefault("TRAINING", List.of()), byKind.getOrDefault("SUBSIDY", List.of()), jobs,
				seeker, matches, next(grades));
	}

	/** The highest grade over time from valid qualification and skill-level certificates, a step at each rise. */
	static List<GradeStep> gradeSteps(List<Certificate> held) {
		var steps = new ArrayList<GradeStep>();
		SkillGrade highest = null;
		var graded = held.stream().filter(c -> c.grade() != null && "VALID".equals(c.status())
				&& (CertificateType.SKILL_LEVEL.code().equals(c.type())
						|| CertificateType.VOCATIONAL_QUALIFICATION.code().equals(c.type())))
				.sorted(Comparator.comparing(Certificate::issuedOn)).toList();
		for (var c : graded) {
			var grade = SkillGrade.fromCode(c.grade());
			if (highest == null || grade.compareTo(highest) > 0) {
				highest = grade;
				steps.add(new GradeStep(c.issuedOn(), grade.code(), c.occupationCode(), c.number()));
			}
		}
		return steps;
	}

	private NextGrade next(List<GradeStep> grades) {
		if (grades.isEmpty()) {
			return null;
		}
		var top = grades.get(grades.size() - 1);
		var grade = SkillGrade.fromCode(top.grade());
		if (grade.ordinal() + 1 >= SkillGrade.values().length || top.occupationCode() == null) {
			return null;
		}
		var next = SkillGrade.values()[grade.ordinal() + 1];
		var entry = catalogue.current().stream().filter(e -> e.occupationCode().equals(top.occupationCode())
				&& (e.grade() == null || e.grade().equals(next.code()))).findFirst();
		var upcoming = classes.next(top.occupationCode(), next.code(), clock.instant()).orElse(null);
		return new NextGrade(top.occupationCode(), next.code(), entry.map(e -> e.standardYuan()).orElse(null),
				entry.map(e -> e.shortage()).orElse(false), upcoming);
	}

	/**
	 * A region's profile, or an industry's inside it ({@code industry} a field code, {@code manufacturing} for all of
	 * manufacturing): the figures as of the last rebuild.
	 */
	@Transactional(readOnly = true)
	public RegionProfile region(Actor actor, String regionCode, String industry) {
		var region = scope.region(actor, regionCode);
		var generation = tables.current();
		var shares = skilled.shares(actor, region.code(), null);
		if (generation.isEmpty()) {
			return new RegionProfile(region.code(), region.name(), industry, null, null, List.of(), List.of(), List.of(),
					List.of(), List.of(), List.of(), null, false);
		}
		var g = generation.get();
		var fields = industry == null || industry.isBlank() ? null
				: industry.equals("manufacturing") ? skilled.manufacturingFields().toArray(String[]::new)
						: new String[] { industry };
		var filter = fields == null ? "" : " and industry_field = any(:fields)";
		var pyramid = new LinkedHashMap<String, long[]>();
		for (var grade : SkillGrade.values()) {
			if (grade.rank() >= 2) {
				pyramid.put(grade.code(), new long[3]);
			}
		}
		var ages = new LinkedHashMap<String, Long>();
		for (var band : List.of("16-24", "25-34", "35-44", "45-54", "55-64", "65+", "U")) {
			ages.put(band, 0L);
		}
		var counts = new long[4];
		var manufacturing = Set.of(skilled.manufacturingFields().toArray(String[]::new));
		var query = jdbc.sql("""
				select grade_rank, sex, age_band, industry_field, sum(persons) from analytics.skilled_count
				where generation = :g and as_of = :asOf and region_path like :path || '%'""" + filter + """

				group by 1, 2, 3, 4
				""").param("g", g).param("asOf", shares.asOf()).param("path", region.path());
		if (fields != null) {
			query = query.param("fields", fields);
		}
		query.query((rs, i) -> {
			var grade = SkillGrade.values()[rs.getInt(1) - 1];
			var persons = rs.getLong(5);
			var row = pyramid.get(grade.code());
			row["M".equals(rs.getString(2)) ? 0 : "F".equals(rs.getString(2)) ? 1 : 2] += persons;
			ages.merge(rs.getString(3), persons, Long::sum);
			counts[0] += persons;
			var high = grade.highSkilled();
			counts[1] += high ? persons : 0;
			if (manufacturing.contains(rs.getString(4))) {
				counts[2] += persons;
				counts[3] += high ? persons : 0;
			}
			return null;
		}).list();
		var figures = fields == null ? shares.total()
				: new SkilledTalents.ShareRow(region.code(), region.name(), counts[0], counts[1], counts[2], counts[3],
						pyramid.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
								e -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2], (a, b) -> a,
								LinkedHashMap::new)),
						null, null, counts[0] == 0 ? null : (double) counts[1] / counts[0]);
		var groupQuery = jdbc.sql("""
				select person_group, sum(persons), coalesce(sum(persons) filter (where high_skilled), 0)
				from analytics.skilled_group_count
				where generation = :g and as_of = :asOf and region_path like :path || '%'""" + filter + """

				group by 1 order by 2 desc
				""").param("g", g).param("asOf", shares.asOf()).param("path", region.path());
		if (fields != null) {
			groupQuery = groupQuery.param("fields", fields);
		}
		var groups = groupQuery.query((rs, i) -> new GroupCount(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
		var thisYear = LocalDate.now(clock).getYear();
		List<OccupationRow> demanded = List.of();
		List<OccupationRow> certified = List.of();
		List<TrainingYear> training = List.of();
		Wages.Table wageTable = null;
		if (fields == null) {
			var occupations = jdbc.sql("""
					select coalesce(d.occupation_code, c.occupation_code), coalesce(d.headcount, 0), coalesce(c.certificates, 0)
					from (select occupation_code, sum(headcount) as headcount from analytics.demand_occupation
					      where generation = :g and region_path like :path || '%' group by 1) d
					full join (select occupation_code, sum(certificates) as certificates from analytics.certified_occupation
					      where generation = :g and region_path like :path || '%' and year >= :from group by 1) c
					     on c.occupation_code = d.occupation_code
					""").param("g", g).param("path", region.path()).param("from", thisYear - 1)
					.query((rs, i) -> new OccupationRow(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
			demanded = occupations.stream().filter(o -> o.demanded() > 0)
					.sorted(Comparator.comparingLong(OccupationRow::demanded).reversed()).limit(10).toList();
			certified = occupations.stream().filter(o -> o.certified() > 0)
					.sorted(Comparator.comparingLong(OccupationRow::certified).reversed()).limit(10).toList();
			training = jdbc.sql("""
					select year, sum(enrolled), sum(completed) from analytics.training_delivered
					where generation = :g and region_path like :path || '%' and year >= :from group by 1 order by 1
					""").param("g", g).param("path", region.path()).param("from", thisYear - 4)
					.query((rs, i) -> new TrainingYear(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list();
			wageTable = wages.table(actor, region.code(), null, "WAGE_SURVEY", Wages.GroupBy.GRADE);
		}
		return new RegionProfile(region.code(), region.name(), fields == null ? null : industry, shares.asOf(), figures,
				pyramid.entrySet().stream().map(e -> new PyramidRow(e.getKey(), e.getValue()[0], e.getValue()[1],
						e.getValue()[2])).toList(),
				ages.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> new Count(e.getKey(), e.getValue()))
						.toList(),
				groups, demanded, certified, training, wageTable, true);
	}
}
