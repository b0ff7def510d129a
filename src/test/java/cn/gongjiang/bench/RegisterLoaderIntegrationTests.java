package cn.gongjiang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.IntegrationTest;
import cn.gongjiang.imports.ImportStatus;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;

/**
 * X-5 and ENR-3: generated registers go through the real import pipeline, and the product catches exactly the planted
 * duplicates — the students a roster shows enrolled elsewhere, and the students a file names twice.
 */
@IntegrationTest
class RegisterLoaderIntegrationTests {

	@Autowired
	RegisterLoader loader;

	@Autowired
	RegionDirectory regions;

	@Autowired
	OccupationCatalogue occupations;

	@Autowired
	TrainingLoader training;

	@Autowired
	RecruitmentLoader recruitment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void generatedRegistersLoadAndTheDuplicateBatchFindsExactlyThePlantedCases(@TempDir Path work) throws Exception {
		var year = LocalDate.now(clock).getYear() + 1;
		var codes = occupations.allCodes().stream().filter(c -> c.split("-").length == 4).sorted().toList();
		var generator = new Generator(4242, year, List.copyOf(regions.all().values()), codes);
		var sizes = new Generator.Sizes(500, 100, 10, 50, 4_000, 1_200, 60);

		var report = loader.load(generator, sizes, year, work, false);

		assertThat(report.jobs()).containsOnlyKeys(RegisterLoader.ORDER);
		report.jobs().forEach((kind, job) -> assertThat(job.status()).as(kind).isEqualTo(ImportStatus.DONE));
		for (var kind : List.of("enterprises", "providers", "persons", "certificates", Generator.DEMAND, Generator.SEEKERS,
				Generator.ROSTERS)) {
			assertThat(report.jobs().get(kind).acceptedRows()).as(kind).isEqualTo(sizes.rows(kind));
		}
		// 30 registered students are enrolled on a roster (found by the batch), 1 is named twice (refused)
		assertThat(report.jobs().get(Generator.REGISTRATIONS).acceptedRows()).isEqualTo(1_199);
		assertThat(report.jobs().get(Generator.REGISTRATIONS).rejectedRows()).isEqualTo(1);
		assertThat(generator.planted(sizes)).hasSize(31);
		assertThat(report.missed()).isEmpty();
		assertThat(report.unplanned()).isEmpty();
		assertThat(jdbc.sql("""
				select count(*) from enrolment.duplicate_case c join enrolment.registration r on r.id = c.registration_id
				where c.other_kind = 'ROSTER' and c.status = 'OPEN' and r.school_code in (:schools)
				""").param("schools", generator.schoolCodes()).query(Integer.class).single()).isEqualTo(30);

		// 60 trainees in 3 classes of 10 providers' first 3: enrolled, attended as planned, completed by the rule
		var trained = training.load(generator, sizes, sizes.classes(), work, false);
		var today = LocalDate.now(clock);
		int attended = 0, completing = 0;
		for (int c = 0; c < sizes.classes(); c++) {
			for (var trainee : generator.trainingClass(c, sizes, today).trainees()) {
				int sessions = 0;
				for (var came : trainee.attended()) {
					sessions += came ? 1 : 0;
				}
				attended += sessions;
				completing += sessions >= 3 ? 1 : 0;
			}
		}
		assertThat(trained).usingRecursiveComparison().ignoringFields("seconds")
				.isEqualTo(new TrainingLoader.Loaded(3, 60, attended, completing, 60 - completing, null));
		assertThat(completing).isBetween(45, 59);
		assertThat(jdbc.sql("""
				select count(*) from training.enrolment e join training.training_class c on c.id = e.class_id
				where c.provider_code in (:providers) and c.status = 'FINISHED' and e.status = 'COMPLETED'
				""").param("providers", List.of(generator.providerCode(0), generator.providerCode(1), generator.providerCode(2)))
				.query(Integer.class).single()).isEqualTo(completing);
		// REG-4: each trainee's enrolment and completion reached their archive, one line each (one event per class)
		cn.gongjiang.archive.ArchiveCaughtUp.await(jdbc);
		var steps = new java.util.TreeMap<String, Integer>();
		jdbc.sql("""
				select l.detail->>'step', count(*) from archive.line l
				where l.kind = 'TRAINING' and (l.detail->>'class')::bigint in
				    (select id from training.training_class where provider_code in (:providers))
				group by 1""").param("providers", List.of(generator.providerCode(0), generator.providerCode(1),
						generator.providerCode(2))).query((rs, i) -> steps.put(rs.getString(1), rs.getInt(2))).list();
		assertThat(steps).containsOnly(java.util.Map.entry("ENROLLED", 60), java.util.Map.entry("COMPLETED", completing),
				java.util.Map.entry("NOT_COMPLETED", 60 - completing));

		// loading the same registers again changes nothing and finds nothing new
		var again = loader.load(generator, sizes, year, work, false);
		again.jobs().forEach((kind, job) -> assertThat(job.acceptedRows()).as(kind + " again").isZero());
		assertThat(again.exact()).isTrue();

		// REC-1..3: every city's bureau held an online fair with the city's postings and seekers, hired there, and
		// planned an on-site event; the hires are placements of those fairs
		var recruited = recruitment.load();
		assertThat(recruited.held()).isEqualTo(11);
		assertThat(recruited.planned()).isEqualTo(11);
		assertThat(recruited.hires()).isPositive();
		assertThat(jdbc.sql("""
				select count(*) from recruitment.placement p join recruitment.event e on e.id = p.event_id
				where e.title like '%（生成）'""").query(Integer.class).single()).isEqualTo(recruited.hires());
	}
}
