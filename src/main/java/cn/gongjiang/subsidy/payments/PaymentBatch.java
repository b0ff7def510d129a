package cn.gongjiang.subsidy.payments;

import java.time.Instant;

import cn.gongjiang.shared.Money;

/**
 * A payment batch of one paying region and funding source, and where it stands; {@code version} is what a status
 * change must be made from (a stale one is refused).
 */
public record PaymentBatch(long id, String payingRegion, String fundingSource, BatchStatus status, int lineCount,
		Money total, String createdBy, Instant createdAt, String approvedBy, Instant approvedAt, String sentBy,
		Instant sentAt, int paid, int failed, int pending, int version) {
}
