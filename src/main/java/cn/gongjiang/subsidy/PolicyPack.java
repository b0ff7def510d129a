package cn.gongjiang.subsidy;

import java.time.LocalDate;
import java.util.Map;

/** A published version of a pack: its scope (the province, or a city adding to it), from when, and its parameters. */
public record PolicyPack(long id, String scopeRegion, String scopePath, int version, LocalDate effectiveFrom,
		String title, String source, Map<String, Object> parameters) {

	public String label() {
		return scopeRegion + " v" + version;
	}

	int intParameter(String name, int fallback) {
		var value = parameters.get(name);
		return value instanceof Number n ? n.intValue() : fallback;
	}
}
