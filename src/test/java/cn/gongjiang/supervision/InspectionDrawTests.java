package cn.gongjiang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** SUP-2: a draw is a function of its population, pool and seed, and spreads inspectors over targets. */
class InspectionDrawTests {

	static final List<Map.Entry<String, String>> CLASSES = IntStream.rangeClosed(1, 20)
			.mapToObj(i -> Map.entry("class:" + i, "班级 " + i)).toList();
	static final List<String> POOL = List.of("甲", "乙", "丙", "丁", "戊");

	@Test
	void theSameSeedGivesTheSameDrawAndAnotherSeedAnotherOne() {
		var a = Inspections.drawTargets(CLASSES, POOL, 4, 7L);
		assertThat(Inspections.drawTargets(CLASSES, POOL, 4, 7L)).isEqualTo(a);
		assertThat(Inspections.drawTargets(CLASSES, POOL, 4, 8L)).isNotEqualTo(a);
		assertThat(a).hasSize(4).extracting(Inspections.Target::id).doesNotHaveDuplicates();
		assertThat(a).allSatisfy(t -> assertThat(t.inspectors()).hasSize(2).doesNotHaveDuplicates());
	}

	@Test
	void asManyAsThereAreWhenFewerThanAsked() {
		assertThat(Inspections.drawTargets(CLASSES.subList(0, 3), POOL, 10, 1L)).hasSize(3);
	}
}
