package cn.gongjiang.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.enrolment.Duplicates;
import cn.gongjiang.enrolment.Plan;
import cn.gongjiang.enrolment.Plans;
import cn.gongjiang.enrolment.Specialties;
import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.imports.ImportJob;
import cn.gongjiang.imports.ImportStatus;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Loads generated registers into the database the way a province officer would: each kind as a file through the real
 * import pipeline, in dependency order (employers before their staff, persons before certificates, schools filed with
 * a specialty and a spring plan before their registrations, rosters last so the duplicate batch runs over them), then
 * checks the planted duplicates against what the product found.
 */
@Component
class RegisterLoader {

	static final List<String> ORDER = List.of("enterprises", "providers", "persons", "certificates", Generator.DEMAND,
			Generator.JOBS, Generator.SEEKERS, Generator.REGISTRATIONS, Generator.ROSTERS);

	/** What was loaded, and whether the product caught exactly the planted duplicates. */
	record Report(Map<String, ImportJob> jobs, List<Generator.Planted> missed, List<String> unplanned) {

		boolean exact() {
			return missed.isEmpty() && unplanned.isEmpty();
		}
	}

	private final BulkImport imports;
	private final Specialties specialties;
	private final Plans plans;
	private final Duplicates duplicates;
	private final JdbcClient jdbc;

	RegisterLoader(BulkImport imports, Specialties specialties, Plans plans, Duplicates duplicates, JdbcClient jdbc) {
		this.imports = imports;
		this.specialties = specialties;
		this.plans = plans;
		this.duplicates = duplicates;
		this.jdbc = jdbc;
	}

	static Actor province() {
		return new Actor(0, "generator", "generator", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
	}

	Report load(Generator generator, Generator.Sizes sizes, int intakeYear, Path work, boolean showProgress)
			throws Exception {
		return load(generator, sizes, intakeYear, work, showProgress, ORDER.get(0));
	}

	/**
	 * The kinds from {@code from} on, in {@link #ORDER}: a load on a folder whose earlier kinds are in (a province
	 * load stopped and taken up again; an import stopped half way resumes by itself when the application starts).
	 */
	Report load(Generator generator, Generator.Sizes sizes, int intakeYear, Path work, boolean showProgress,
			String from) throws Exception {
		// the planted duplicates are checked against the registrations job: a load takes up at the latest there
		if (!ORDER.subList(0, ORDER.indexOf(Generator.REGISTRATIONS) + 1).contains(from)) {
			throw new IllegalArgumentException("a load takes up at one of " + ORDER.subList(0,
					ORDER.indexOf(Generator.REGISTRATIONS) + 1) + ", not " + from);
		}
		Files.createDirectories(work);
		var province = province();
		var jobs = new LinkedHashMap<String, ImportJob>();
		for (var kind : ORDER.subList(ORDER.indexOf(from), ORDER.size())) {
			if (kind.equals(Generator.REGISTRATIONS)) {
				fileSchools(province, generator, intakeYear);
			}
			jobs.put(kind, load(province, generator, sizes, kind, work, showProgress));
		}
		duplicates.find(province);
		return check(province, generator.planted(sizes), generator.schoolCodes(), jobs);
	}

	/** Only these kinds, in the order given, each imported as {@link #load} imports it (a bench's prerequisites). */
	Map<String, ImportJob> loadOnly(Generator generator, Generator.Sizes sizes, Path work, List<String> kinds)
			throws Exception {
		Files.createDirectories(work);
		var jobs = new LinkedHashMap<String, ImportJob>();
		for (var kind : kinds) {
			jobs.put(kind, load(province(), generator, sizes, kind, work, false));
		}
		return jobs;
	}

	private ImportJob load(Actor province, Generator generator, Generator.Sizes sizes, String kind, Path work,
			boolean showProgress) throws Exception {
		var file = work.resolve(kind + ".csv");
		var writing = progress(showProgress, "writing " + kind, sizes.rows(kind));
		Generator.write(file, "csv", sink -> generator.rows(kind, sizes, sink, writing::show));
		return run(province, kind, file, showProgress);
	}

	/**
	 * Each city's technician college files the generated specialty (the province files it), and its city issues the
	 * spring plan, which the province files (备案).
	 */
	private void fileSchools(Actor province, Generator generator, int intakeYear) {
		generator.schoolsByCity().forEach((city, school) -> {
			specialties.file(province, school, new Specialties.Filing(Generator.SPECIALTY, "数控加工",
					List.of("INTERMEDIATE"), LocalDate.of(2023, 5, 1)));
			var cityOfficer = new Actor(0, "generator", "generator", Role.CITY_OFFICER,
					DataScope.region(RegionCode.of(city), "/330000/" + city + "/"), false);
			try {
				var plan = plans.draft(cityOfficer, new Plans.Draft(school, intakeYear, "SPRING",
						List.of(new Plan.Line(Generator.SPECIALTY, "INTERMEDIATE", 10_000_000))));
				plans.file(province, plans.issue(cityOfficer, plan.id()).id());
			}
			catch (ConflictException filedByAnEarlierLoad) {
				// loading again: the plan stands as filed
			}
		});
	}

	private ImportJob run(Actor province, String kind, Path file, boolean showProgress) throws Exception {
		return runToEnd(imports, province, kind, file, progress(showProgress, "importing " + kind, 100));
	}

	/** Uploads a file as the actor and waits for the job to end; a failed job (the whole file refused) throws. */
	static ImportJob runToEnd(BulkImport imports, Actor actor, String kind, Path file, ProgressBar bar) throws Exception {
		UUID id;
		try (var in = Files.newInputStream(file)) {
			id = imports.submit(actor, kind, file.getFileName().toString(), in);
		}
		while (true) {
			var job = imports.job(actor, id);
			bar.show(job.percent());
			if (job.status() == ImportStatus.DONE || job.status() == ImportStatus.FAILED) {
				bar.show(100);
				if (job.status() == ImportStatus.FAILED) {
					throw new IllegalStateException("generate: the " + kind + " import failed: " + job.failureCode());
				}
				return job;
			}
			Thread.sleep(100);
		}
	}

	/**
	 * Planted on a roster: the batch must have opened a case for exactly those registrations (matched by name and
	 * masked number); planted twice in a file: the import must have refused exactly those rows as repeats.
	 */
	private Report check(Actor province, List<Generator.Planted> planted, List<String> schools,
			Map<String, ImportJob> jobs) {
		var found = new HashSet<>(jdbc.sql("""
				select r.name || ' ' || r.id_number_masked from enrolment.duplicate_case c
				join enrolment.registration r on r.id = c.registration_id
				where c.other_kind = 'ROSTER' and r.school_code in (:schools)
				""").param("schools", schools).query(String.class).list());
		var refused = new HashSet<Integer>();
		imports.errors(province, jobs.get(Generator.REGISTRATIONS).id(), 100_000).stream()
				.filter(e -> e.violation().code().equals("import.duplicate-in-file")).forEach(e -> refused.add(e.row()));
		var missed = new ArrayList<Generator.Planted>();
		var expected = new HashSet<String>();
		for (var p : planted) {
			var key = p.name() + " " + IdNumber.parse(p.idNumber()).masked();
			var caught = p.kind() == Generator.Planted.Kind.ON_ROSTER ? found.contains(key) : refused.remove(p.row());
			if (p.kind() == Generator.Planted.Kind.ON_ROSTER) {
				expected.add(key);
			}
			if (!caught) {
				missed.add(p);
			}
		}
		var unplanned = new ArrayList<String>();
		found.stream().filter(k -> !expected.contains(k)).sorted().forEach(unplanned::add);
		refused.stream().sorted().forEach(row -> unplanned.add("row " + row + " refused as a repeat"));
		return new Report(jobs, missed, unplanned);
	}

	private static ProgressBar progress(boolean show, String label, long total) {
		return show ? new ProgressBar(label, total) : ProgressBar.silent();
	}
}
