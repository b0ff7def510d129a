package cn.gongjiang.subsidy.decisions;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.gongjiang.shared.JsonValues;
import cn.gongjiang.shared.Money;

import tools.jackson.core.JsonGenerator;

/**
 * One rule's verdict in a decision, naming the clause it applies. What the rule says is a message key
 * ({@code reason}) with plain {@code arguments}, rendered in the reader's language, and the money it grants is a
 * value ({@code amount}), never text to parse back. {@code code} is the stable refusal code of a denying rule (the
 * decision's code, and the API's). Decisions made before steps carried a reason keep their {@code detail} text.
 */
public record Step(String rule, String clause, Verdict verdict, String code, String reason, List<Object> arguments,
		Money amount, String detail) {

	public enum Verdict { PASS, DENY, WAIT }

	public Step {
		arguments = arguments == null ? List.of() : List.copyOf(arguments);
	}

	public static Step pass(String rule, String clause, String reason, Object... arguments) {
		return new Step(rule, clause, Verdict.PASS, null, reason, Arrays.asList(arguments), null, null);
	}

	/** A rule that passes and grants an amount: the amount rule of a scheme. */
	public static Step grant(String rule, String clause, Money amount, String reason, Object... arguments) {
		return new Step(rule, clause, Verdict.PASS, null, reason, Arrays.asList(arguments), amount, null);
	}

	/** A refusal whose code is also the sentence that explains it. */
	public static Step deny(String rule, String clause, String code) {
		return new Step(rule, clause, Verdict.DENY, code, code, List.of(), null, null);
	}

	/** A refusal with its stable code and a sentence of its own, with arguments. */
	public static Step deny(String rule, String clause, String code, String reason, Object... arguments) {
		return new Step(rule, clause, Verdict.DENY, code, reason, Arrays.asList(arguments), null, null);
	}

	/** A step written before steps carried a reason: only its text, as it was stored. */
	public boolean legacy() {
		return reason == null;
	}

	/** The arguments for {@code #messages.msgWithParams}. */
	public Object[] argumentArray() {
		return arguments.toArray();
	}

	/**
	 * A step as a decision stores it: a rule's standard clause is named by the rule and left out (a million decisions
	 * would otherwise repeat the same text a million times), nulls and empty arguments are left out.
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record Stored(String rule, String clause, Verdict verdict, String code, String reason, List<Object> arguments,
			Money amount, String detail) {
	}

	static List<Stored> stored(List<Step> steps) {
		return steps.stream().map(s -> new Stored(s.rule(),
				s.clause() != null && s.clause().equals(TrainingSubsidyRules.CLAUSES.get(s.rule())) ? null : s.clause(),
				s.verdict(), s.code(), s.reason(), s.arguments(), s.amount(), s.detail())).toList();
	}

	/**
	 * Writes the steps as {@link #stored} has them, field by field: the same JSON as data binding writes of
	 * {@code Stored} (StepJsonTests), without its reflection, for a million decisions at a time.
	 */
	static void writeStored(JsonGenerator g, List<Step> steps) {
		g.writeStartArray();
		for (var s : steps) {
			g.writeStartObject();
			writeText(g, "rule", s.rule());
			writeText(g, "clause", s.clause() != null && s.clause().equals(TrainingSubsidyRules.CLAUSES.get(s.rule())) ? null
					: s.clause());
			if (s.verdict() != null) {
				g.writeStringProperty("verdict", s.verdict().name());
			}
			writeText(g, "code", s.code());
			writeText(g, "reason", s.reason());
			if (!s.arguments().isEmpty()) {
				g.writeName("arguments");
				g.writeStartArray();
				for (var a : s.arguments()) {
					JsonValues.write(g, a);
				}
				g.writeEndArray();
			}
			if (s.amount() != null) {
				g.writeName("amount");
				g.writeNumber(s.amount().json());
			}
			writeText(g, "detail", s.detail());
			g.writeEndObject();
		}
		g.writeEndArray();
	}

	/** A text property as {@code NON_EMPTY} writes it: left out when null or empty. */
	private static void writeText(JsonGenerator g, String name, String value) {
		if (value != null && !value.isEmpty()) {
			g.writeStringProperty(name, value);
		}
	}

	/** The steps as read back, every clause named again. */
	public static List<Step> restored(List<Step> steps) {
		return steps.stream().map(s -> s.clause() != null ? s
				: new Step(s.rule(), TrainingSubsidyRules.CLAUSES.get(s.rule()), s.verdict(), s.code(), s.reason(),
						s.arguments(), s.amount(), s.detail()))
				.toList();
	}

	/** The step that decided: the first that did not pass, else the last (the amount). */
	static Step deciding(List<Step> steps) {
		for (var s : steps) {
			if (s.verdict() != Verdict.PASS) {
				return s;
			}
		}
		return steps.isEmpty() ? null : steps.get(steps.size() - 1);
	}
}
