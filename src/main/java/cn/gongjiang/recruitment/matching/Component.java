package cn.gongjiang.recruitment.matching;

import java.util.List;

/**
 * One named part of a match: how well the pair fits on it (0 to 1), its share of the whole score, and why, as a
 * message code with arguments so the sentence reads in the viewer's language.
 */
public record Component(Name name, double fit, double share, String reason, List<Object> arguments) {

	public enum Name { OCCUPATION, GRADE, PLACE, WAGE, AVAILABILITY }

	/** Arguments of a reason, typed so each is shown as a name or an amount in the viewer's language. */
	public record Occupation(String code) {
	}

	public record Grade(int rank) {
	}

	public record Place(String path) {
	}

	public record Yuan(int amount) {
	}

	Component withShare(double total, double weight) {
		return new Component(name, fit, total == 0 ? 0 : weight * fit / total, reason, arguments);
	}
}
