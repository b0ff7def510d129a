package cn.gongjiang.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A class (培训班, TRN-2): provider, occupation, grade, kind, capacity, teachers, its sessions. */
public record TrainingClass(long id, Long orderId, String providerCode, String providerName, String occupationCode,
		String grade, String kind, int capacity, List<String> teachers, BigDecimal completionRate, String status,
		int version, List<Session> sessions, int enrolled) {

	/** One sitting: from, to, where (an address, or 线上). */
	public record Session(long id, Instant startsAt, Instant endsAt, String place) {
	}

	/** What a provider plans: the class and its timetable. */
	public record Plan(String occupationCode, String grade, String kind, Integer capacity, List<String> teachers,
			BigDecimal completionRate, List<SessionPlan> sessions) {
	}

	/** The order a class opened on its own is to serve. */
	public record OrderLink(Long orderId) {
	}

	public record SessionPlan(Instant startsAt, Instant endsAt, String place) {
	}

	/**
	 * A class as a list shows it: what, by whom, for which enterprise's order, how full, and when it runs (from the
	 * first session's start to the last one's end).
	 */
	public record Summary(long id, Long orderId, String enterpriseName, String providerName, String occupationCode,
			String grade, String kind, int capacity, int enrolled, String status, int sessions, Instant firstStart,
			Instant lastEnd) {
	}
}
