package cn.gongjiang.subsidy.claims;

/** Where an enterprise scheme's claim stands (SUB-4): submitted, reviewed by an officer, approved or rejected. */
public enum ClaimStatus {
	SUBMITTED, REVIEWED, APPROVED, REJECTED;

	/** On its way: not yet approved or rejected. */
	public boolean open() {
		return this == SUBMITTED || this == REVIEWED;
	}
}
