package cn.gongjiang.recruitment;

import java.time.LocalDate;

/** A hire (REC-3) as other modules read it: who, where, from which posting, event or order-based class. */
public record Placement(long id, long personId, String personName, String idNumberMasked, String enterpriseCode,
		String enterpriseName, long jobId, String jobTitle, String occupationCode, Integer gradeRank,
		LocalDate startsOn, int contractMonths, String origin, Long eventId, Long classId, boolean graduate,
		String graduateBasis) {
}
