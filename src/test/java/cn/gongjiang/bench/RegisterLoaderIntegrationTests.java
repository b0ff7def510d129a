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
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void generatedRegistersLoadAndTheDuplicateBatchFindsExactlyThePlantedCases(@TempDir Path work) throws Exception {
		var year = LocalDate.now(clock).getYear() + 1;
		var codes = occupations.allCodes().stream().filter(c -> c.split("-").length == 4).sorted().toList();
		var generator = new Generator(4242, year, List.copyOf(regions.all().values()), codes);
		var sizes = new Generator.Sizes(500, 100, 10, 50, 4_000, 1_200);

		var report = loader.load(generator, sizes, year, work, false);

		assertThat(report.jobs()).containsOnlyKeys(RegisterLoader.ORDER);
		report.jobs().forEach((kind, job) -> assertThat(job.status()).as(kind).isEqualTo(ImportStatus.DONE));
		for (var kind : List.of("enterprises", "providers", "persons", "certificates", Generator.ROSTERS)) {
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

		// loading the same registers again changes nothing and finds nothing new
		var again = loader.load(generator, sizes, year, work, false);
		again.jobs().forEach((kind, job) -> assertThat(job.acceptedRows()).as(kind + " again").isZero());
		assertThat(again.exact()).isTrue();
	}
}
