package cn.gongjiang.training;

import java.time.Instant;
import java.time.LocalDate;

/** One line of an enterprise's skill demand (DEM-1): who it needs, by when, at what wage, how many to train, where. */
public record DemandItem(long id, String enterpriseCode, String enterpriseName, String occupationCode, String grade,
		int headcount, LocalDate neededBy, Integer monthlyWage, int trainHeadcount, String placeCounty, String source,
		String recordedBy, Instant recordedAt, String status) {

	/** What is submitted. {@code source}: ENTERPRISE for its own; VISIT, QUESTIONNAIRE or REPORT for an officer. */
	public record Entry(String enterpriseCode, String occupationCode, String grade, Integer headcount,
			LocalDate neededBy, Integer monthlyWage, Integer trainHeadcount, String placeCounty, String source) {
	}
}
