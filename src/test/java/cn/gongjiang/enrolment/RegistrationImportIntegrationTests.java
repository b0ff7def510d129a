package cn.gongjiang.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestNames;
import cn.gongjiang.shared.IdNumber;

/**
 * ENR-2, X-3, issue 17: a registration row the field rules refuse is reported in the column of the field the
 * registration names, the same field the API answers with.
 */
@IntegrationTest
class RegistrationImportIntegrationTests {

	/** The demo technician college of Shaoxing, with 数控加工 (0301) filed. */
	static final String SCHOOL = "12330600MB12345675";
	static final AtomicInteger SERIAL = new AtomicInteger(500);

	@Autowired
	Imports imports;

	@Autowired
	Clock appClock;

	static String id() {
		return IdNumber.withCheckDigit("33060220090305" + SERIAL.getAndIncrement());
	}

	@Test
	void eachRefusedRowNamesTheColumnOfTheFieldTheRegistrationRefused() throws Exception {
		var year = LocalDate.now(appClock).getYear() + 1;
		var header = "身份证号,姓名,学校统一社会信用代码,专业代码,班级层次,入学年份,入学季,学员类别,学习形式,生源地区划代码,合作协议编号\n";
		var row = "%s,%s," + SCHOOL + ",%s,%s,%s,%s,%s,%s,%s,%s\n";
		var broken = id();
		broken = broken.substring(0, 17) + (broken.charAt(17) == '0' ? '1' : '0');
		var csv = header
				+ row.formatted(broken, TestNames.of("越学生", 1), "0301", "中级工班", year, "春季", "企业职工", "全日制", "330602", "")
				+ row.formatted(id(), TestNames.of("越学生", 2), "0301", "博士班", year, "春季", "企业职工", "全日制", "330602", "")
				+ row.formatted(id(), TestNames.of("越学生", 3), "0301", "中级工班", year, "冬季", "企业职工", "全日制", "330602", "")
				+ row.formatted(id(), TestNames.of("越学生", 4), "0301", "中级工班", 1999, "春季", "企业职工", "全日制", "330602", "")
				+ row.formatted(id(), TestNames.of("越学生", 5), "0301", "中级工班", year, "春季", "退休人员", "全日制", "330602", "")
				+ row.formatted(id(), TestNames.of("越学生", 6), "0301", "中级工班", year, "春季", "企业职工", "函授", "330602", "")
				+ row.formatted(id(), TestNames.of("越学生", 7), "0301", "中级工班", year, "春季", "企业职工", "全日制", "3306", "")
				+ row.formatted(id(), TestNames.of("越学生", 8), "0301", "中级工班", year, "春季", "企业职工", "全日制", "339999", "")
				+ row.formatted(id(), TestNames.of("越学生", 9), "0301", "中级工班", year, "春季", "企业职工", "全日制", "330602",
						999999)
				+ row.formatted(id(), TestNames.of("越学生", 10), "9999", "中级工班", year, "春季", "企业职工", "全日制", "330602", "")
				+ row.formatted(id(), TestNames.of("越学生", 11), "0301", "中级工班", "明年", "春季", "企业职工", "全日制", "330602", "");
		var job = imports.run("shaoxing", "registrations", "registrations.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("acceptedRows", 0).containsEntry("rejectedRows", 11);
		assertThat(imports.errors("shaoxing", job)).containsExactly(
				"2|身份证号|import.enrolment.invalid-id-number",
				"3|班级层次|import.enrolment.class-level.unknown",
				"4|入学季|import.enrolment.intake.unknown",
				"5|入学年份|import.enrolment.intake-year",
				"6|学员类别|import.enrolment.learner-kind.unknown",
				"7|学习形式|import.enrolment.study-mode.unknown",
				"8|生源地区划代码|import.region.code.format",
				"9|生源地区划代码|import.region.unknown",
				"10|合作协议编号|import.enrolment.agreement.unknown",
				"11|专业代码|import.enrolment.specialty-not-filed",
				"12|入学年份|import.value.format");
	}
}
