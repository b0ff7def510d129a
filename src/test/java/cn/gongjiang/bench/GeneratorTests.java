package cn.gongjiang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;

/** the generator is deterministic, its numbers valid, its shape the province's. */
class GeneratorTests {

	/** Two counties per city: the first ends in 02, the second in 03. */
	static final List<Region> REGIONS = Generator.CITY_WEIGHTS.keySet().stream().flatMap(city -> List.of("02", "03")
			.stream().map(n -> new Region(city.substring(0, 4) + n, "县" + city + n, RegionLevel.COUNTY, "区", city,
					"/330000/" + city + "/" + city.substring(0, 4) + n + "/", false, false, 0))).toList();

	static final Generator.Sizes SIZES = new Generator.Sizes(20_000, 400, 90, 20_000, 20_000, 5_000, 2_500);

	static Generator generator(long seed) {
		return new Generator(seed, 2027, REGIONS, List.of("6-18-01-01", "4-10-01-01", "2-06-01-02"));
	}

	static List<List<String>> rows(long seed, String kind) {
		var rows = new ArrayList<List<String>>();
		generator(seed).rows(kind, SIZES, rows::add, done -> {
		});
		return rows;
	}

	@Test
	void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
		assertThat(rows(7, "persons")).isEqualTo(rows(7, "persons"));
		assertThat(rows(7, "certificates")).isEqualTo(rows(7, "certificates"));
		assertThat(rows(8, "persons").subList(1, 100)).isNotEqualTo(rows(7, "persons").subList(1, 100));
	}

	@Test
	void everyIdNumberAndCreditCodeIsValidAndUnique() {
		var persons = rows(7, "persons");
		var ids = new HashSet<String>();
		persons.subList(1, persons.size()).forEach(p -> {
			var id = IdNumber.parse(p.get(1));
			assertThat(ids.add(id.value())).as("unique " + p.get(1)).isTrue();
			assertThat(p.get(1)).startsWith(p.get(3));
			if (!p.get(7).isEmpty()) {
				CreditCode.parse(p.get(7));
			}
		});
		rows(7, "enterprises").stream().skip(1).forEach(e -> CreditCode.parse(e.get(0)));
		rows(7, "providers").stream().skip(1).forEach(e -> CreditCode.parse(e.get(0)));
		// certificates name the generated persons, with the same names
		var names = new HashMap<String, String>();
		persons.stream().skip(1).forEach(p -> names.put(p.get(1), p.get(0)));
		rows(7, "certificates").stream().skip(1).forEach(c -> assertThat(names.get(c.get(2))).isEqualTo(c.get(1)));
	}

	@Test
	void personsFollowTheCitiesPopulationAndCertificatesAGradePyramid() {
		var perCity = new HashMap<String, Integer>();
		rows(7, "persons").stream().skip(1).forEach(p -> perCity.merge(p.get(3).substring(0, 4), 1, Integer::sum));
		var total = Generator.CITY_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
		Generator.CITY_WEIGHTS.forEach((city, weight) -> assertThat(perCity.get(city.substring(0, 4)) / 20_000.0)
				.as(city).isCloseTo(weight / (double) total, Offset.offset(0.015)));
		var grades = new HashMap<String, Integer>();
		rows(7, "certificates").stream().skip(1).filter(c -> !c.get(5).isEmpty())
				.forEach(c -> grades.merge(c.get(5), 1, Integer::sum));
		assertThat(grades.get("初级工")).isGreaterThan(grades.get("中级工"));
		assertThat(grades.get("中级工")).isGreaterThan(grades.get("高级工"));
		assertThat(grades.get("高级工")).isGreaterThan(grades.get("技师"));
		assertThat(grades.get("技师")).isGreaterThan(grades.get("高级技师"));
	}

	@Test
	void theAnswerKeyNamesEveryPlantedDuplicateAndNoOtherStudentIsOnARosterOrTwiceInTheFile() {
		var roster = rows(7, Generator.ROSTERS);
		var onRoster = new HashMap<String, String>();
		roster.stream().skip(1).forEach(e -> assertThat(onRoster.put(e.get(0), e.get(4))).as("unique " + e.get(0)).isNull());
		var registrations = rows(7, Generator.REGISTRATIONS);
		var seen = new HashSet<String>();
		var enrolledRows = new HashSet<Integer>();
		var repeatedRows = new HashSet<Integer>();
		for (int r = 1; r < registrations.size(); r++) {
			var id = registrations.get(r).get(0);
			IdNumber.parse(id);
			if (!seen.add(id)) {
				repeatedRows.add(r + 1);
			}
			else if ("在籍".equals(onRoster.get(id))) {
				enrolledRows.add(r + 1);
			}
			else {
				assertThat(onRoster).as("only planted students are on a roster").doesNotContainKey(id);
			}
			// the student registers at their own city's school, from their county
			assertThat(registrations.get(r).get(9)).startsWith(id.substring(0, 6));
		}
		var planted = generator(7).planted(SIZES);
		assertThat(planted).filteredOn(p -> p.kind() == Generator.Planted.Kind.ON_ROSTER)
				.extracting(Generator.Planted::row).containsExactlyInAnyOrderElementsOf(enrolledRows).hasSize(125);
		assertThat(planted).filteredOn(p -> p.kind() == Generator.Planted.Kind.TWICE_IN_FILE)
				.extracting(Generator.Planted::row).containsExactlyInAnyOrderElementsOf(repeatedRows).hasSize(5);
		planted.forEach(p -> assertThat(registrations.get(p.row() - 1)).startsWith(p.idNumber(), p.name()));
	}

	@Test
	void aSecondRoundOfPersonsBeyond15MillionNeverRepeatsANumberOfTheFirst() {
		var generator = generator(7);
		for (int i = 0; i < 3_000; i++) {
			var first = generator.person(i * 5_000);
			var second = generator.person(i * 5_000 + Generator.PERSONS_PER_ROUND);
			assertThat(second.idNumber().substring(6, 17)).isEqualTo(first.idNumber().substring(6, 17));
			assertThat(second.idNumber()).isNotEqualTo(first.idNumber());
			IdNumber.parse(second.idNumber());
		}
	}
}
