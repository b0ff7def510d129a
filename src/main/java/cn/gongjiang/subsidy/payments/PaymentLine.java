package cn.gongjiang.subsidy.payments;

import java.math.BigDecimal;

/** One payment of a batch: the reference the bank echoes in its statement, the payee (masked), the amount. */
public record PaymentLine(long id, String reference, long decisionId, String scheme, String beneficiary,
		BigDecimal amount, String status, String failureReason, String bankReference) {

	/** The reference on the bank file and statement: batch and line. */
	public static String reference(long batchId, long lineId) {
		return "GJ" + batchId + "-" + lineId;
	}
}
