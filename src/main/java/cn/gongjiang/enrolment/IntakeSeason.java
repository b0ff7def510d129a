package cn.gongjiang.enrolment;

import java.time.LocalDate;
import java.time.MonthDay;

/** The two intakes and their registration deadlines (002 三(三): 春秋两季分别于 3月31日和 10月31日前). */
public enum IntakeSeason {

	SPRING(MonthDay.of(3, 31)), AUTUMN(MonthDay.of(10, 31));

	private final MonthDay deadline;

	IntakeSeason(MonthDay deadline) {
		this.deadline = deadline;
	}

	/** The last day registrations for this intake are accepted. */
	public LocalDate deadline(int year) {
		return deadline.atYear(year);
	}
}
