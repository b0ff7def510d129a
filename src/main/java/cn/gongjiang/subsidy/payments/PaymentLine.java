package cn.gongjiang.subsidy.payments;

import cn.gongjiang.shared.Money;

/** One payment of a batch: the reference the bank echoes in its statement, the payee (masked), the amount. */
public record PaymentLine(long id, String reference, long decisionId, String scheme, String beneficiary,
		Money amount, PaymentStatus status, String failureReason, String bankReference) {

	/** The reference on the bank file and statement: batch and line. */
	public static String reference(long batchId, long lineId) {
		return "GJ" + batchId + "-" + lineId;
	}
}
