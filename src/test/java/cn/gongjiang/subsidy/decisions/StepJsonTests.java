package cn.gongjiang.subsidy.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import cn.gongjiang.shared.Money;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The bulk decision writes its steps and inputs field by field: the same JSON as data binding writes of them. */
class StepJsonTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static String written(Consumer<JsonGenerator> writer) {
		var text = new StringWriter();
		try (var generator = JSON.createGenerator(text)) {
			writer.accept(generator);
		}
		return text.toString();
	}

	@Test
	void stepsAreWrittenAsDataBindingWritesTheirStoredForm() {
		var steps = List.of(
				Step.pass("qualifying-certificate", TrainingSubsidyRules.CLAUSES.get("qualifying-certificate"),
						"subsidy.step.training.completed", "123"),
				Step.pass("cap-per-year", TrainingSubsidyRules.CLAUSES.get("cap-per-year"), "subsidy.step.cap.within", 0, 3),
				Step.pass("retirement", "another clause", "subsidy.step.retirement.before", LocalDate.of(2030, 1, 1).toString()),
				Step.grant("amount", "浙人社发〔2022〕32号；绍兴 \"三\"\\(二)", Money.yuan(2250),
						"subsidy.step.amount.standard", Money.yuan(2250).json(), Money.yuan(1500).json(), 10, 0, 20, ""),
				Step.deny("repeat", TrainingSubsidyRules.CLAUSES.get("repeat"), "subsidy.repeat-occupation-grade"),
				Step.deny("place", null, "subsidy.not-eligible-place", "subsidy.not-eligible-place", 7L, true),
				new Step("legacy", "", Step.Verdict.WAIT, null, null, List.of(), null, "旧的说明\n第二行"));
		for (int n = 0; n <= steps.size(); n++) {
			var some = steps.subList(0, n);
			assertThat(written(g -> Step.writeStored(g, some))).isEqualTo(JSON.writeValueAsString(Step.stored(some)));
		}
	}

	@Test
	void inputsAreWrittenAsDataBindingWritesThem() {
		var known = new CaseInputs("skill-level", LocalDate.of(2026, 3, 1), 42L, "COMPLETED", "/330000/330600/330602/",
				true, true, LocalDate.of(1970, 5, 6), "F", "/330000/330600/", "/330000/330100/330102/",
				List.of("industrial-worker", "测试"), 2, false, 1500, true, true);
		var unknown = new CaseInputs("training-completion", LocalDate.of(2026, 3, 1), null, null, null, false, false, null,
				null, null, null, List.of(), 0, true, null, false, false);
		var noGroups = new CaseInputs(null, null, null, null, null, false, false, null, null, null, null, null, 0, false,
				null, false, false);
		for (var inputs : List.of(known, unknown, noGroups)) {
			assertThat(written(inputs::writeTo)).isEqualTo(JSON.writeValueAsString(inputs));
		}
	}
}
