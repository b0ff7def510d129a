package cn.gongjiang.recruitment;

import java.time.LocalDate;
import java.util.Map;

/**
 * A person who may be contacted about jobs (REC-2), and why: registered as a job seeker (求职登记), unemployed and
 * registered by an officer, a graduating technical-school student put forward by the school, or a trainee who
 * consented. {@code skills}: the best grade rank per occupation their certificates attest.
 */
public record Seeker(long personId, String name, String idNumberMasked, String residencePath, Basis basis,
		String wantedOccupation, Integer expectedWage, Status status, LocalDate since, String schoolCode,
		Map<String, Integer> skills, int version) {

	public enum Basis { REGISTERED, UNEMPLOYED, GRADUATING, TRAINEE_CONSENT }

	public enum Status { SEEKING, PLACED, WITHDRAWN }
}
