package cn.gongjiang.subsidy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One rule's verdict in a decision, naming the clause it applies. */
public record Step(String rule, String clause, Verdict verdict, String code, String detail) {

	public enum Verdict { PASS, DENY, WAIT }

	static Step pass(String rule, String clause, String detail) {
		return new Step(rule, clause, Verdict.PASS, null, detail);
	}

	static Step deny(String rule, String clause, String code, String detail) {
		return new Step(rule, clause, Verdict.DENY, code, detail);
	}

	/**
	 * A step as a training-subsidy decision stores it: a rule's standard clause is named by the rule and left out
	 * (a million decisions would otherwise repeat the same text a million times), nulls are left out.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Stored(String rule, String clause, Verdict verdict, String code, String detail) {
	}

	static List<Stored> stored(List<Step> steps) {
		return steps.stream().map(s -> new Stored(s.rule(),
				s.clause() != null && s.clause().equals(TrainingSubsidyRules.CLAUSES.get(s.rule())) ? null : s.clause(),
				s.verdict(), s.code(), s.detail())).toList();
	}

	/** The steps as read back, every clause named again. */
	static List<Step> restored(List<Step> steps) {
		return steps.stream().map(s -> s.clause() != null ? s
				: new Step(s.rule(), TrainingSubsidyRules.CLAUSES.get(s.rule()), s.verdict(), s.code(), s.detail()))
				.toList();
	}
}
