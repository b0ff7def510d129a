package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A figure reported by its owner (上报) as of a date: submitted, returned with a comment, or approved and locked. */
public record ReturnReport(long id, String indicator, String regionCode, String regionPath, String department,
		Integer taskLineId, String label, LocalDate asOf, BigDecimal value, String evidence, String status, String comment, String submittedBy,
		Instant submittedAt, String decidedBy, Instant decidedAt, int version) {

	public String owner() {
		return regionCode != null ? regionCode
				: department + (taskLineId == null ? "" : " #" + taskLineId) + (label == null ? "" : " " + label);
	}
}
