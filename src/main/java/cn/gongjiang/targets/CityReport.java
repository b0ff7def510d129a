package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.gongjiang.enrolment.EnrolmentProgress;

/**
 * A city's quarterly report (000 三(一): 每季度…向省厅报送工作报告) or yearly summary (quarter 0; 002 三(二): by 30
 * November), generated from the data on its as-of date, with the narrative the city writes and submits and the day
 * it is due.
 */
public record CityReport(String regionCode, String regionName, int year, int quarter, LocalDate asOf, LocalDate dueOn,
		List<Progress> progress, List<CountyActual> counties, List<EnrolmentProgress.CityYear> enrolment,
		String narrative, String status, String submittedBy, Instant submittedAt) {

	/** A county's actual for a computed indicator of the city (counties have no targets of their own in the seeds). */
	public record CountyActual(String indicator, String regionCode, String regionName, BigDecimal actual) {
	}

	public boolean submitted() {
		return "SUBMITTED".equals(status);
	}
}
