package cn.gongjiang.training;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A training voucher (职业培训券, TRN-5) for one catalogue entry. Its states follow the chain: issued → redeemed at a
 * class → trained → evaluated (certificate) → subsidised → recorded; it is redeemed once.
 */
public record Voucher(long id, long catalogueEntryId, String occupationCode, String grade, String status,
		Long enrolmentId, String issuedBy, Instant issuedAt, LocalDate validUntil, Integer standardYuan) {

	/** A voucher with the person holding it, as the officers who issued it list them (the number masked). */
	public record Held(Voucher voucher, String holderName, String holderIdMasked) {
	}

	/** What an officer issues. */
	public record Request(String idNumber, String name, Long catalogueEntryId, LocalDate validUntil) {
	}
}
