package cn.gongjiang.recruitment.matching;

import java.util.List;

/**
 * What would close a one-grade gap (REC-2): a subsidised training of the catalogue or a class open for enrolment,
 * named so the person (or the enterprise) can act on it. Null when the platform knows of none.
 */
@FunctionalInterface
public interface GradeGap {

	/** The training for {@code occupation} at the grade of {@code rank}, as a message code and its arguments. */
	Advice closing(String occupation, int rank);

	record Advice(String code, List<Object> arguments) {
	}

	GradeGap NONE = (occupation, rank) -> null;
}
