package cn.gongjiang.subsidy.decisions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The legal retirement age (003 §13 excludes those past it drawing a pension), with the gradual increase decided on
 * 13 September 2024 and in force from 1 January 2025: men 60 → 63 (one month more for every four months of birth from
 * January 1965), women workers 50 → 55 (one month for every two months from January 1975). Women cadres (55 → 58)
 * are not told apart in the registry; the worker table is used.
 */
final class RetirementAge {

	private RetirementAge() {
	}

	static LocalDate retiresOn(LocalDate birth, String sex) {
		boolean male = "M".equals(sex);
		int base = male ? 60 : 50;
		var start = male ? YearMonth.of(1965, 1) : YearMonth.of(1975, 1);
		int every = male ? 4 : 2;
		int max = male ? 36 : 60;
		var born = YearMonth.from(birth);
		int delay = 0;
		if (!born.isBefore(start)) {
			delay = (int) Math.min(max, start.until(born, ChronoUnit.MONTHS) / every + 1);
		}
		return birth.plusYears(base).plusMonths(delay);
	}
}
