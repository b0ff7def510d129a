package cn.gongjiang.recruitment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A job posting (岗位, REC-1) as read: the enterprise, what it asks for (occupation, minimum grade, headcount, county,
 * wage range), when, and where it stands. {@code demandItemId}: the labour-demand item it was posted from.
 */
public record JobPosting(long id, String enterpriseCode, String enterpriseName, String title, String occupationCode,
		String minGrade, int headcount, String county, Integer wageMin, Integer wageMax, LocalDate startsOn,
		LocalDate closesOn, String requirements, boolean graduatesSought, Long demandItemId, String source,
		String postedBy, Status status, int hired, int version, Instant updatedAt) {

	/** draft → open → filled or closed (by date or by hand); only an open posting takes applications. */
	public enum Status { DRAFT, OPEN, FILLED, CLOSED }

	/** What an enterprise (or an officer for it) writes. */
	public record Form(String enterpriseCode, String title, String occupationCode, String minGrade, Integer headcount,
			String county, Integer wageMin, Integer wageMax, LocalDate startsOn, LocalDate closesOn,
			String requirements, boolean graduatesSought) {
	}

	public boolean open() {
		return status == Status.OPEN;
	}
}
