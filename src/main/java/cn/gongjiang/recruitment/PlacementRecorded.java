package cn.gongjiang.recruitment;

import java.time.LocalDate;

/**
 * A hire was recorded (REC-3). {@code graduate}: the person is a vocational-school graduate (from the enrolment
 * records or declared with evidence), which counts for 引进职业院校毕业生 in the enterprise's city.
 */
public record PlacementRecorded(long placementId, String personIndex, String enterprisePath, LocalDate startsOn,
		boolean graduate, Long classId) {
}
