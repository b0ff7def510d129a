package cn.gongjiang.subsidy;

/** One rule's verdict in a decision, naming the clause it applies. */
public record Step(String rule, String clause, Verdict verdict, String code, String detail) {

	public enum Verdict { PASS, DENY, WAIT }

	static Step pass(String rule, String clause, String detail) {
		return new Step(rule, clause, Verdict.PASS, null, detail);
	}

	static Step deny(String rule, String clause, String code, String detail) {
		return new Step(rule, clause, Verdict.DENY, code, detail);
	}
}
