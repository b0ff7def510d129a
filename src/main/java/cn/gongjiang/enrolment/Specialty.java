package cn.gongjiang.enrolment;

import java.time.LocalDate;
import java.util.List;

/** A specialty filed for a school (专业备案目录) with the class levels it may be taught at. */
public record Specialty(String schoolCode, String code, String name, List<String> classLevels, LocalDate filedOn) {

	public boolean offers(ClassLevel level) {
		return classLevels.contains(level.name());
	}
}
