package cn.gongjiang.subsidy.payments;

/**
 * A payment batch's status (SUB-3), in the order it moves: filled from the queue (ASSEMBLING), a DRAFT to approve,
 * APPROVED by a second officer, SENT with its first bank file, CLOSED once the bank settled every line.
 */
public enum BatchStatus {
	ASSEMBLING, DRAFT, APPROVED, SENT, CLOSED;

	/** Approved or past it: its bank file may be fetched. */
	public boolean approved() {
		return this == APPROVED || this == SENT || this == CLOSED;
	}
}
