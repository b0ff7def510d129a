package cn.gongjiang.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gongjiang.shared.JsonValues;

import cn.gongjiang.shared.Money;

import tools.jackson.databind.json.JsonMapper;

/** A bulk chunk's archive lines are written value by value: the same JSON as data binding writes of them. */
class ArchiveLineJsonTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aLinesValuesAreWrittenAsDataBindingWritesThem() {
		var detail = new LinkedHashMap<String, Object>();
		detail.put("certificate", "BENCH-1");
		detail.put("scheme", "TRAINING");
		detail.put("outcome", "GRANTED");
		detail.put("amount", Money.yuan(2250));
		detail.put("reason", "subsidy.step.amount.standard");
		detail.put("reasonArguments", List.of(Money.yuan(2250).json(), 1500, 10L, "", "重点\"领域\"\\", true));
		detail.put("nested", new LinkedHashMap<>(java.util.Map.of("a", 1)));
		detail.put("none", null);
		var text = new StringWriter();
		try (var generator = JSON.createGenerator(text)) {
			JsonValues.write(generator, detail);
		}
		assertThat(text.toString()).isEqualTo(JSON.writeValueAsString(detail));
	}
}
