package cn.gongjiang.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.IntegrationTest;

/** TGT-1: every target of the seeds is there, exactly as printed, and every city table sums to its document's total. */
@IntegrationTest
class TargetReferenceDataIntegrationTests {

	static final List<String> CITIES = List.of("330100", "330200", "330300", "330400", "330500", "330600", "330700",
			"330800", "330900", "331000", "331100");

	@Autowired
	JdbcClient jdbc;

	BigDecimal value(String indicator, String region, String periodEnd, String document) {
		return jdbc.sql("""
				select value from targets.target where indicator = :i and region_code = :r
				  and period_end = cast(:end as date) and document like :doc || '%' and period_kind <> 'RANGE'
				""").param("i", indicator).param("r", region).param("end", periodEnd).param("doc", document)
				.query(BigDecimal.class).single();
	}

	@Test
	void everyCityTableSumsToItsTotal() {
		var tables = Map.of(
				"浙人社函〔2023〕38号", List.of("ORDER_TRAINING_PERSON_TIMES:2023-12-31", "NEW_SKILLED_TALENTS:2023-12-31",
						"NEW_HIGH_SKILLED_TALENTS:2023-12-31", "GRADUATES_BROUGHT_IN:2023-12-31"),
				"浙人社函〔2023〕37号", List.of("TECH_SCHOOL_ENROLMENT:2023-12-31", "TECH_SCHOOL_ENROLMENT:2024-12-31",
						"TECH_SCHOOL_ENROLMENT:2025-12-31", "TECH_SCHOOL_ENROLMENT:2026-12-31",
						"TECH_SCHOOL_ENROLMENT:2027-12-31"),
				"001", List.of("SKILL_BASED_ENTERPRISES_NEW:2025-12-31", "SKILL_BASED_ENTERPRISES_CUMULATIVE:2025-12-31",
						"SKILL_BASED_ENTERPRISES_CUMULATIVE:2027-12-31", "SKILL_BASED_VILLAGES_NEW:2025-12-31",
						"SKILL_BASED_VILLAGES_CUMULATIVE:2025-12-31", "SKILL_BASED_VILLAGES_CUMULATIVE:2027-12-31"));
		tables.forEach((document, columns) -> {
			for (var column : columns) {
				var indicator = column.split(":")[0];
				var end = column.split(":")[1];
				var sum = CITIES.stream().map(city -> value(indicator, city, end, document))
						.reduce(BigDecimal.ZERO, BigDecimal::add);
				assertThat(sum).as(document + " " + column).isEqualByComparingTo(value(indicator, "330000", end, document));
			}
		});
	}

	@Test
	void theFiguresOfTheDocumentsArePresentAsPrinted() {
		assertThat(value("ORDER_TRAINING_PERSON_TIMES", "330100", "2023-12-31", "浙人社函〔2023〕38号")).isEqualByComparingTo("172000");
		assertThat(value("NEW_HIGH_SKILLED_TALENTS", "331100", "2023-12-31", "浙人社函〔2023〕38号")).isEqualByComparingTo("3800");
		assertThat(value("GRADUATES_BROUGHT_IN", "330900", "2023-12-31", "浙人社函〔2023〕38号")).isEqualByComparingTo("4000");
		assertThat(value("TECH_SCHOOL_ENROLMENT", "330100", "2023-12-31", "浙人社函〔2023〕37号")).isEqualByComparingTo("18600");
		assertThat(value("TECH_SCHOOL_ENROLMENT", "330000", "2027-12-31", "浙人社函〔2023〕37号")).isEqualByComparingTo("140000");
		assertThat(value("SKILL_BASED_ENTERPRISES_CUMULATIVE", "330600", "2027-12-31", "001")).isEqualByComparingTo("1075");
		assertThat(jdbc.sql("""
				select comparator || ' ' || value || ' ' || period_start || ' ' || period_end from targets.target
				where indicator = 'TECH_SCHOOL_ENROLMENT' and period_kind = 'RANGE'
				""").query(String.class).single()).isEqualTo("AT_LEAST 600000 2023-01-01 2027-12-31");
		var province2023 = Map.of("KEY_ENTERPRISES_SERVED", "AT_LEAST 10000", "INDUSTRY_COLLEGES", "EQUAL 100",
				"TRAINING_BASES_NEW", "EQUAL 300", "NEW_APPRENTICESHIP_PERSON_TIMES", "EQUAL 100000",
				"NAMED_CLASSES", "AT_LEAST 500", "SKILLED_TALENTS_DELIVERED", "AT_LEAST 30000",
				"ONSITE_RECRUITMENT_EVENTS", "AT_LEAST 2000", "ONLINE_RECRUITMENT_FAIRS", "AT_LEAST 3000",
				"ORDER_TRAINING_PERSON_TIMES", "AT_LEAST 1000000");
		province2023.forEach((indicator, expected) -> assertThat(jdbc.sql("""
				select comparator || ' ' || value from targets.target
				where indicator = :i and region_code = '330000' and period_end = date '2023-12-31'
				""").param("i", indicator).query(String.class).single()).as(indicator).isEqualTo(expected));
		assertThat(jdbc.sql("""
				select indicator || ' ' || comparator || ' ' || value from targets.target
				where document = '浙人社发〔2022〕32号' order by indicator
				""").query(String.class).list()).containsExactly("HIGH_SKILLED_SHARE_OF_SKILLED MORE_THAN 35",
				"HIGH_SKILLED_TOTAL AT_LEAST 5000000", "SKILLED_SHARE_OF_EMPLOYED MORE_THAN 35",
				"SKILLED_TALENTS_TOTAL AT_LEAST 14000000");
		assertThat(jdbc.sql("""
				select indicator || ' ' || comparator || ' ' || value from targets.target
				where region_code = '330600' and document like '绍兴市%' and period_end = date '2025-12-31'
				order by indicator
				""").query(String.class).list()).containsExactly("CITY_COMPETITIONS AT_LEAST 50",
				"CITY_CRAFTSMEN ABOUT 100", "CITY_TECHNICAL_EXPERTS ABOUT 100", "CITY_YOUNG_CRAFTSMEN ABOUT 300",
				"DEMONSTRATION_ENTERPRISES EQUAL 200", "DEMONSTRATION_SPECIALTIES AT_LEAST 1", "GRAND_CRAFTSMEN AT_LEAST 1",
				"HIGH_SKILLED_BROUGHT_IN_OR_TRAINED EQUAL 20000", "LARGE_TECHNICIAN_COLLEGES AT_LEAST 1",
				"MANUFACTURING_HIGH_SKILLED_TOTAL MORE_THAN 180000",
				// TGT-1: "达到50万" is reached, at least
				"MANUFACTURING_SKILLED_TOTAL AT_LEAST 500000", "MASTER_STUDIOS EQUAL 10", "OUTSTANDING_CRAFTSMEN AT_LEAST 20",
				"TRAINED_ABROAD ABOUT 100", "ZHEJIANG_CRAFTSMEN AT_LEAST 1000");
	}

	@Test
	void theDepartmentTaskListKeepsEveryLineItsDepartmentsUnknownsAndMilestones() {
		assertThat(jdbc.sql("select count(*) from targets.task_line").query(Integer.class).single()).isEqualTo(54);
		// issue 17: each line's departments are rows, in the order 附件1 prints them: 80 of 29 departments
		assertThat(jdbc.sql("select department from targets.task_line_department where task_line_id = 1 order by position")
				.query(String.class).list()).containsExactly("省人力社保厅", "省经信厅");
		assertThat(jdbc.sql("select department from targets.task_line_department where task_line_id = 54 order by position")
				.query(String.class).list()).containsExactly("省人力社保厅", "省委组织部", "省总工会", "团省委");
		assertThat(jdbc.sql("select count(*) || ' ' || count(distinct department) || ' ' || count(distinct task_line_id) "
				+ "from targets.task_line_department").query(String.class).single()).isEqualTo("80 29 54");
		assertThat(jdbc.sql("""
				select cast(value as text) from targets.target
				where task_line_id = 1 and period_start = date '2026-01-01'
				""").query(String.class).single()).isEqualTo("400000");

		assertThat(jdbc.sql("""
				select count(*) from targets.target t join targets.task_line l on l.id = t.task_line_id
				where l.target_text like '%**%' and t.value is null and t.comparator = 'UNKNOWN'
				""").query(Integer.class).single()).as("the two ** lines, each year 2025-2027, stored as unknown")
				.isEqualTo(6);
		assertThat(jdbc.sql("""
				select label || ' ' || value from targets.target where task_line_id = 20 and period_start = date '2025-01-01'
				order by value desc, label
				""").query(String.class).list()).containsExactly("外卖骑手 100000", "网店业主 100000", "网络主播 10000");
		assertThat(jdbc.sql("""
				select due_on || ' ' || description from targets.milestone where task_line_id = 35 order by due_on
				""").query(String.class).list()).containsExactly("2025-12-31 出台民办培训机构星级评定制度",
				"2027-12-31 培育省级五星级民办培训机构200家");
		// TGT-1: 每两年举办一次浙江技能大赛, and 2025's digital-economy competition
		assertThat(jdbc.sql("""
				select due_on || ' ' || description from targets.milestone where task_line_id = 49 order by due_on
				""").query(String.class).list()).contains("2025-12-31 举办浙江省数字经济职业技能竞赛",
				"2026-12-31 开展2026年省级行业技能竞赛", "2027-12-31 举办浙江技能大赛（每两年一次，2025—2027年至少一届）");
		assertThat(jdbc.sql("select count(*) from targets.target where task_line_id is not null and period_kind = 'YEAR'")
				.query(Integer.class).single()).as("32 figures of 30 lines a year, and the workers' competitions, 2025-2027")
				.isEqualTo((32 + 1) * 3);
	}
}
