package cn.gongjiang.subsidy.payments;

/**
 * Where a decision's payment stands (SUB-3): {@code UNPAID} before any line holds it, else its newest line's status.
 * A line is PENDING in a batch not yet sent, SENT with the bank file, then PAID or FAILED from the bank's statement
 * ({@code payment_line_status_check}); a FAILED line puts its decision back in the queue.
 */
public enum PaymentStatus {
	UNPAID, PENDING, SENT, PAID, FAILED;

	/** Nothing is on its way to the bank or paid: the decision may still be overridden or queued. */
	public boolean open() {
		return this == UNPAID || this == FAILED;
	}

	/** The money left the paying region: a reversal recovers it (追回). */
	public boolean moneyLeft() {
		return this == SENT || this == PAID;
	}
}
