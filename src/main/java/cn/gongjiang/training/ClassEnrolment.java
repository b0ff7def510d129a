package cn.gongjiang.training;

import java.time.Instant;

/** A trainee's real-name enrolment in a class (TRN-3), with attendance so far and the result. */
public record ClassEnrolment(long id, long classId, String idNumberMasked, String name, Long voucherId, String status,
		String result, String certificateNumber, Instant enrolledAt, int attended) {

	/** Who is enrolled: ID number and name, matched to the person registry; optionally the voucher they bring. */
	public record Request(String idNumber, String name, Long voucherId) {
	}
}
