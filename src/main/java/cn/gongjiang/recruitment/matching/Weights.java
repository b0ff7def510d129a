package cn.gongjiang.recruitment.matching;

import java.time.LocalDate;

/**
 * How much each part of a match counts (REC-2): versioned data an officer can read, never code; the version in force
 * is named on every ranked list. The five weights sum to one.
 */
public record Weights(int version, double occupation, double grade, double place, double wage, double availability,
		LocalDate validFrom, String source) {

	public Weights {
		var sum = occupation + grade + place + wage + availability;
		if (Math.abs(sum - 1.0) > 1e-6) {
			throw new IllegalArgumentException("weights must sum to 1, got " + sum);
		}
	}

	double of(Component.Name name) {
		return switch (name) {
			case OCCUPATION -> occupation;
			case GRADE -> grade;
			case PLACE -> place;
			case WAGE -> wage;
			case AVAILABILITY -> availability;
		};
	}
}
