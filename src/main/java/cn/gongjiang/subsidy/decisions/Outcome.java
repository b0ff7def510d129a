package cn.gongjiang.subsidy.decisions;

/**
 * What a subsidy decision came to (SUB-3): granted, denied, waiting (for budget, or held for an officer's check), or
 * reversed when its certificate was revoked. The database holds the same four ({@code decision_outcome_check}); an
 * override grants or denies only.
 */
public enum Outcome {
	GRANTED, DENIED, WAITING, REVERSED;

	public boolean granted() {
		return this == GRANTED;
	}
}
