package cn.gongjiang.certification;

import java.time.LocalDate;

/** A certificate was revoked: whatever it earned must be reconsidered. */
public record CertificateRevoked(long certificateId, String number, String holderIndex, String reason,
		LocalDate revokedOn) {
}
