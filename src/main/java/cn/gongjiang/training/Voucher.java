package cn.gongjiang.training;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A training voucher (职业培训券, TRN-5) for one catalogue entry. Its states follow the chain: issued → redeemed at a
 * class → trained → evaluated (certificate) → subsidised → recorded; it is redeemed once.
 */
public record Voucher(long id, long catalogueEntryId, String occupationCode, String grade, String status,
		Long enrolmentId, String issuedBy, Instant issuedAt, LocalDate validUntil) {

	/** What an officer issues. */
	public record Request(String idNumber, String name, Long catalogueEntryId, LocalDate validUntil) {
	}
}
