package cn.gongjiang.recruitment.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** REC-2: one scorer, five named components, every score explained, read by policy staff as sentences. */
class ScorerTests {

	static final Weights WEIGHTS = new Weights(1, 0.35, 0.25, 0.15, 0.10, 0.15, LocalDate.of(2026, 1, 1), "test");
	static final String KEQIAO = "/330000/330600/330603/";
	static final String YUECHENG = "/330000/330600/330602/";
	static final String HANGZHOU = "/330000/330100/330106/";
	static final GradeGap CATALOGUE = (occupation, rank) -> new GradeGap.Advice("recruitment.match.grade.gap.catalogue",
			List.of(new Component.Occupation(occupation), new Component.Grade(rank), new Component.Yuan(1500)));

	final Scorer scorer = new Scorer(WEIGHTS, Set.of("6-18-01-02|6-18-01-01"), CATALOGUE);

	/** 车工, at least 中级工 (rank 3), in 柯桥, 6,000–8,000 yuan. */
	final JobProfile lathe = new JobProfile(1, "6-18-01-01", 3, KEQIAO, 6000, 8000, false);

	@Test
	void aCertifiedLatheOperatorOfTheSameCountyWhoExpectsTheWageScoresFull() {
		var match = scorer.score(lathe, seeker(Map.of("6-18-01-01", 4), KEQIAO, 7000, "REGISTERED"));
		assertThat(match.score()).isEqualTo(1.0);
		assertThat(match.components()).extracting(Component::reason).containsExactly(
				"recruitment.match.occupation.same", "recruitment.match.grade.meets", "recruitment.match.place.county",
				"recruitment.match.availability.REGISTERED", "recruitment.match.wage.within");
		assertThat(match.components().stream().mapToDouble(Component::share).sum()).isCloseTo(1.0, within(1e-9));
		assertThat(match.weightsVersion()).isEqualTo(1);
	}

	@Test
	void occupationFitsByTheClassificationsGroupsAndTheRelatedTable() {
		assertThat(fit(Component.Name.OCCUPATION, "6-18-01-01")).isEqualTo(1.0);
		assertThat(fit(Component.Name.OCCUPATION, "6-18-01-02")).isEqualTo(0.8); // related: 数控车工
		assertThat(fit(Component.Name.OCCUPATION, "6-18-01-03")).isEqualTo(0.7); // same minor group
		assertThat(fit(Component.Name.OCCUPATION, "6-18-02-01")).isEqualTo(0.4); // same middle group
		assertThat(fit(Component.Name.OCCUPATION, "6-31-01-03")).isEqualTo(0.1); // same major group
		assertThat(fit(Component.Name.OCCUPATION, "4-10-01-03")).isEqualTo(0.0);
	}

	@Test
	void oneGradeShortNamesTheTrainingThatClosesTheGap() {
		var match = scorer.score(lathe, seeker(Map.of("6-18-01-01", 2), KEQIAO, 7000, "REGISTERED"));
		var grade = component(match, Component.Name.GRADE);
		assertThat(grade.fit()).isEqualTo(0.5);
		assertThat(grade.reason()).isEqualTo("recruitment.match.grade.gap.catalogue");
		assertThat(grade.arguments()).containsExactly(new Component.Grade(2), new Component.Grade(3),
				new Component.Occupation("6-18-01-01"), new Component.Grade(3), new Component.Yuan(1500));
		var twoShort = scorer.score(lathe, seeker(Map.of("6-18-01-01", 1), KEQIAO, 7000, "REGISTERED"));
		assertThat(component(twoShort, Component.Name.GRADE).fit()).isEqualTo(0.1);
	}

	@Test
	void placeWageAndAvailabilityEachCountTheirPart() {
		assertThat(component(scorer.score(lathe, seeker(Map.of("6-18-01-01", 3), YUECHENG, 7000, "REGISTERED")),
				Component.Name.PLACE).fit()).isEqualTo(0.7);
		assertThat(component(scorer.score(lathe, seeker(Map.of("6-18-01-01", 3), HANGZHOU, 7000, "REGISTERED")),
				Component.Name.PLACE).fit()).isEqualTo(0.4);
		assertThat(component(scorer.score(lathe, seeker(Map.of("6-18-01-01", 3), KEQIAO, 9000, "REGISTERED")),
				Component.Name.WAGE).fit()).isEqualTo(0.5);
		assertThat(component(scorer.score(lathe, seeker(Map.of("6-18-01-01", 3), KEQIAO, 12000, "REGISTERED")),
				Component.Name.WAGE).fit()).isEqualTo(0.1);
		assertThat(component(scorer.score(lathe, seeker(Map.of("6-18-01-01", 3), KEQIAO, 7000, "TRAINEE_CONSENT")),
				Component.Name.AVAILABILITY).fit()).isEqualTo(0.8);
	}

	@Test
	void aPlacedPersonIsNoCandidateAndTheRankingIsBestFirst() {
		var placed = new SeekerProfile(9, Map.of("6-18-01-01", 5), null, KEQIAO, 7000, "REGISTERED", true);
		assertThat(scorer.score(lathe, placed)).isNull();
		var ranked = scorer.rank(lathe, List.of(seeker(Map.of("6-18-02-01", 3), KEQIAO, 7000, "REGISTERED", 2),
				seeker(Map.of("6-18-01-01", 3), KEQIAO, 7000, "REGISTERED", 3), placed), 10);
		assertThat(ranked).extracting(Match::personId).containsExactly(3L, 2L);
	}

	private double fit(Component.Name name, String occupation) {
		return component(scorer.score(lathe, seeker(Map.of(occupation, 3), KEQIAO, 7000, "REGISTERED")), name).fit();
	}

	private static Component component(Match match, Component.Name name) {
		return match.components().stream().filter(c -> c.name() == name).findFirst().orElseThrow();
	}

	private static SeekerProfile seeker(Map<String, Integer> skills, String home, Integer wage, String basis) {
		return seeker(skills, home, wage, basis, 1);
	}

	private static SeekerProfile seeker(Map<String, Integer> skills, String home, Integer wage, String basis, long id) {
		return new SeekerProfile(id, skills, null, home, wage, basis, false);
	}
}
