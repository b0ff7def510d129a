package cn.gongjiang.certification;

import java.time.LocalDate;

import cn.gongjiang.shared.IdNumberIndex;

/** A certificate was revoked: whatever it earned must be reconsidered. */
public record CertificateRevoked(long certificateId, String number, IdNumberIndex holderIndex, String reason,
		LocalDate revokedOn) {
}
