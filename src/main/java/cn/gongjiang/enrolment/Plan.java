package cn.gongjiang.enrolment;

import java.time.Instant;
import java.util.List;

/** A school's enrolment plan (招生计划) for one year and intake, with its lines and every revision. */
public record Plan(long id, String schoolCode, int year, String intake, String status, String issuedBy,
		Instant issuedAt, String filedBy, Instant filedAt, int version, List<Line> lines, List<Revision> revisions) {

	/** Headcount for one specialty at one class level. */
	public record Line(String specialtyCode, String classLevel, int headcount) {
	}

	/** A change asked for after issue: the lines before and after, decided by the issuer. */
	public record Revision(long id, String reason, String status, List<Line> before, List<Line> after,
			String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String comment) {
	}

	public int total() {
		return lines.stream().mapToInt(Line::headcount).sum();
	}
}
