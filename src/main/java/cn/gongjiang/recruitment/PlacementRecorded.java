package cn.gongjiang.recruitment;

import java.time.LocalDate;

import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.PersonId;

/**
 * A hire was recorded (REC-3). {@code graduate}: the person is a vocational-school graduate (from the enrolment
 * records or declared with evidence), which counts for 引进职业院校毕业生 in the enterprise's city. The person, the
 * enterprise, the job and the contract are for the lifelong archive (REG-4), {@code recordedOn} the day it was recorded.
 */
public record PlacementRecorded(long placementId, IdNumberIndex personIndex, String enterprisePath, LocalDate startsOn,
		boolean graduate, Long classId, PersonId personId, LocalDate recordedOn, String enterpriseCode, String jobTitle,
		String occupationCode, Integer contractMonths, String origin) {
}
