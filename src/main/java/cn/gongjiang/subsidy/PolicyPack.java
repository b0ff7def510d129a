package cn.gongjiang.subsidy;

import java.time.LocalDate;
import java.util.Map;

/**
 * A published version of a pack: its scope (the province, or a city adding to it), the period its document states
 * (from a day; until a day, or open-ended), and its parameters.
 */
public record PolicyPack(long id, String scopeRegion, String scopePath, int version, LocalDate effectiveFrom,
		LocalDate effectiveUntil, String title, String source, Map<String, Object> parameters) {

	/** Whether the document holds on the day: on or after its first day and not past its last. */
	public boolean holdsOn(LocalDate day) {
		return !effectiveFrom.isAfter(day) && (effectiveUntil == null || !effectiveUntil.isBefore(day));
	}

	public String label() {
		return scopeRegion + " v" + version;
	}

	public int intParameter(String name, int fallback) {
		var value = parameters.get(name);
		return value instanceof Number n ? n.intValue() : fallback;
	}
}
