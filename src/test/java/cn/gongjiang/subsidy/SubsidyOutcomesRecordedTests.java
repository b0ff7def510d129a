package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.PersonId;

import tools.jackson.databind.json.JsonMapper;

/** The bulk decision's event is written field by field: the JSON data binding writes of it, read back the same. */
class SubsidyOutcomesRecordedTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anEventIsWrittenAsDataBindingWritesItsRecordsAndReadBackEqual() {
		var event = new SubsidyOutcomesRecorded(List.of(
				new SubsidyOutcomesRecorded.Outcome(PersonId.of(7), LocalDate.of(2026, 5, 1), "BENCH-1", "TRAINING",
						"GRANTED", Money.yuan(2250), "subsidy.step.amount.standard",
						List.of(new BigDecimal("2250"), new BigDecimal("1500"), 10, 0, 20, "先进制造")),
				new SubsidyOutcomesRecorded.Outcome(PersonId.of(8), LocalDate.of(2026, 5, 2), "C-2", "TRAINING", "DENIED",
						null, "subsidy.step.cap.reached", List.of(3, 3)),
				new SubsidyOutcomesRecorded.Outcome(null, null, null, null, "REVERSED", null, null, null)));
		var expected = new ArrayList<Object>();
		for (var o : event.outcomes()) {
			var fields = new LinkedHashMap<String, Object>();
			fields.put("personId", o.personId() == null ? null : o.personId().value());
			fields.put("on", o.on() == null ? null : o.on().toString());
			fields.put("certificate", o.certificate());
			fields.put("scheme", o.scheme());
			fields.put("outcome", o.outcome());
			fields.put("amount", o.amount() == null ? null : o.amount().json());
			fields.put("reason", o.reason());
			fields.put("reasonArguments", o.reasonArguments());
			expected.add(fields);
		}
		var written = JSON.writeValueAsString(event);
		assertThat(written).isEqualTo(JSON.writeValueAsString(new LinkedHashMap<>(java.util.Map.of("outcomes", expected))));
		var read = JSON.readValue(written, SubsidyOutcomesRecorded.class);
		assertThat(read.outcomes()).hasSize(3);
		assertThat(read.outcomes().get(0).amount()).isEqualTo(Money.yuan(2250));
		assertThat(read.outcomes().get(0).reasonArguments()).isEqualTo(Arrays.asList(2250, 1500, 10, 0, 20, "先进制造"));
		assertThat(read.outcomes().get(1)).isEqualTo(event.outcomes().get(1));
		assertThat(read.outcomes().get(2)).isEqualTo(event.outcomes().get(2));
	}
}
