package cn.gongjiang.recruitment.matching;

/** What the scorer reads of a job: the occupation, the minimum grade's rank (null: none), place and wage range. */
public record JobProfile(long id, String occupationCode, Integer minGradeRank, String countyPath, Integer wageMin,
		Integer wageMax, boolean graduatesSought) {
}
