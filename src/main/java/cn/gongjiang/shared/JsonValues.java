package cn.gongjiang.shared;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;

/**
 * Plain values (text, numbers, flags, {@link Money}, and maps and lists of them) written one by one into a JSON
 * generator, as data binding writes them: the bulk paths (a subsidy chunk's steps, its archive lines) write thousands
 * of small documents a second, and data binding's reflection was a third of their time (issue 18). Anything else is
 * left to data binding.
 */
public final class JsonValues {

	private JsonValues() {
	}

	public static void write(JsonGenerator g, Object value) {
		if (value == null) {
			g.writeNull();
		}
		else if (value instanceof String text) {
			g.writeString(text);
		}
		else if (value instanceof Integer n) {
			g.writeNumber(n);
		}
		else if (value instanceof Long n) {
			g.writeNumber(n);
		}
		else if (value instanceof BigDecimal n) {
			g.writeNumber(n);
		}
		else if (value instanceof Money money) {
			g.writeNumber(money.json());
		}
		else if (value instanceof Boolean b) {
			g.writeBoolean(b);
		}
		else if (value instanceof Map<?, ?> map) {
			g.writeStartObject();
			for (var e : map.entrySet()) {
				g.writeName(String.valueOf(e.getKey()));
				write(g, e.getValue());
			}
			g.writeEndObject();
		}
		else if (value instanceof List<?> list) {
			g.writeStartArray();
			for (var item : list) {
				write(g, item);
			}
			g.writeEndArray();
		}
		else {
			g.writePOJO(value);
		}
	}
}
