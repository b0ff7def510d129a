package cn.gongjiang.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.analytics.wage.Suppression.Reason;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.certification.CertificateRequest;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.registry.PersonDetails;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * ANA-1, ANA-2, ANA-4 on small data sets worked out by hand: the platform's figures must equal them. The demo data
 * shares the database, so the skilled counts are compared as what the known persons add to 柯桥区, and the wages
 * live in a year (2019) and the circle's point in a village nobody else has.
 */
@IntegrationTest
class AnalyticsIntegrationTests {

	static final String KEQIAO = "330603";
	static final String KEQIAO_PATH = "/330000/330600/330603/";
	static final String ENTERPRISE_DEMO = "91330603MA2D12345A";

	@Autowired
	AnalyticsTables tables;

	@Autowired
	SkilledTalents skilled;

	@Autowired
	Wages wages;

	@Autowired
	TrainingCircle circle;

	@Autowired
	EmploymentStatistics statistics;

	@Autowired
	PersonRegistry persons;

	@Autowired
	CertificateRegister certificates;

	@Autowired
	RegionDirectory regions;

	@Autowired
	Imports imports;

	@Autowired
	Api api;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	final Actor keqiao = new Actor(0, "keqiao-test", "柯桥区人社局", Role.COUNTY_OFFICER,
			DataScope.region(RegionCode.of(KEQIAO), KEQIAO_PATH), false);
	final Actor issuer = new Actor(0, "issuer-test", "浙江省职业技能鉴定指导中心", Role.PROVINCE_OFFICER,
			DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);

	@Test
	void theKnownHoldersAddExactlyTheirSkilledAndHighSkilledToTheirCountyAsOfEachDay() {
		tables.rebuild("OFFICER", "test");
		var end2024 = LocalDate.of(2024, 12, 31);
		var end2025 = LocalDate.of(2025, 12, 31);
		var may2025 = LocalDate.of(2025, 5, 20);
		var before2024 = skilled.countAsOf(RegionCode.of(KEQIAO), end2024);
		var before2025 = skilled.countAsOf(RegionCode.of(KEQIAO), end2025);
		var beforeMay = skilled.countAsOf(RegionCode.of(KEQIAO), may2025);

		// A: 初级工 since 2020, works at a 高端装备 enterprise (manufacturing)
		var a = person("001", "甲一", ENTERPRISE_DEMO);
		certificate("A1", a, "甲一", "skill-level", "junior", LocalDate.of(2020, 3, 1));
		// B: 初级工 2019, 高级工 from March 2025 (high-skilled from then on)
		var b = person("002", "乙二", null);
		certificate("B1", b, "乙二", "skill-level", "junior", LocalDate.of(2019, 1, 1));
		certificate("B2", b, "乙二", "vocational-qualification", "senior", LocalDate.of(2025, 3, 1));
		// C: 技师 only from January 2026
		var c = person("003", "丙三", null);
		certificate("C1", c, "丙三", "vocational-qualification", "technician", LocalDate.of(2026, 1, 15));
		// D, E, G: a training certificate, a special ability, an apprentice — none makes a skilled talent
		var d = person("004", "丁四", null);
		certificate("D1", d, "丁四", "training-completion", null, LocalDate.of(2024, 5, 1));
		var e = person("005", "戊五", null);
		certificate("E1", e, "戊五", "special-ability", null, LocalDate.of(2024, 5, 1));
		var g = person("006", "庚六", null);
		certificate("G1", g, "庚六", "skill-level", "apprentice", LocalDate.of(2024, 5, 1));
		// F: 初级工 2021, revoked today: in force at both year ends, not now
		var f = person("007", "辛七", null);
		certificate("F1", f, "辛七", "skill-level", "junior", LocalDate.of(2021, 6, 1));
		certificates.revoke(issuer, "TEST-ANA-F1", "测试：证书撤销");
		var now = LocalDate.now(clock);
		var beforeNow = skilled.countAsOf(RegionCode.of(KEQIAO), now);

		statistics.record(keqiao, new EmploymentStatistics.Form(KEQIAO, 2025, 1_000L, "测试：柯桥区2025年从业人员"));
		tables.rebuild("OFFICER", "test");

		var at2024 = skilled.countAsOf(RegionCode.of(KEQIAO), end2024);
		assertThat(at2024.skilled() - before2024.skilled()).isEqualTo(3);
		assertThat(at2024.highSkilled() - before2024.highSkilled()).isZero();
		assertThat(at2024.manufacturingSkilled() - before2024.manufacturingSkilled()).isEqualTo(1);
		var at2025 = skilled.countAsOf(RegionCode.of(KEQIAO), end2025);
		assertThat(at2025.skilled() - before2025.skilled()).isEqualTo(3);
		assertThat(at2025.highSkilled() - before2025.highSkilled()).isEqualTo(1);
		assertThat(at2025.manufacturingHighSkilled() - before2025.manufacturingHighSkilled()).isZero();
		// a day that is no snapshot is counted from the grade spells
		var atMay = skilled.countAsOf(RegionCode.of(KEQIAO), may2025);
		assertThat(atMay.skilled() - beforeMay.skilled()).isEqualTo(3);
		assertThat(atMay.highSkilled() - beforeMay.highSkilled()).isEqualTo(1);
		var atNow = skilled.countAsOf(RegionCode.of(KEQIAO), now);
		assertThat(atNow.skilled() - beforeNow.skilled()).isEqualTo(3);
		assertThat(atNow.highSkilled() - beforeNow.highSkilled()).isEqualTo(2);

		// the share of 2025 stands on the 2025 figure just recorded, and says so
		var shares = skilled.shares(keqiao, KEQIAO, 2025);
		assertThat(shares.asOf()).isEqualTo(end2025);
		assertThat(shares.total().skilled()).isEqualTo(at2025.skilled());
		assertThat(shares.total().employed().persons()).isEqualTo(1_000);
		assertThat(shares.total().employed().source()).isEqualTo("测试：柯桥区2025年从业人员");
		assertThat(shares.total().skilledShareOfEmployed()).isCloseTo(at2025.skilled() / 1_000.0, within(1e-12));
		assertThat(shares.total().highSkilledShareOfSkilled())
				.isCloseTo((double) at2025.highSkilled() / at2025.skilled(), within(1e-12));
		// the city's drill-down row for 柯桥区 is the same row
		var city = skilled.shares(issuer, "330600", 2025);
		var row = city.children().stream().filter(r -> r.regionCode().equals(KEQIAO)).findFirst().orElseThrow();
		assertThat(row.skilled()).isEqualTo(at2025.skilled());
		assertThat(city.total().skilled()).isGreaterThanOrEqualTo(row.skilled());
		// no denominator, no share: 2015 has no employed figure
		var early = skilled.shares(keqiao, KEQIAO, 2015);
		assertThat(early.total().employed()).isNull();
		assertThat(early.total().skilledShareOfEmployed()).isNull();
	}


	@Test
	void wageQuartilesOfAKnownCountyYearEqualTheHandComputedOnesWithTheSmallCellsHidden() throws Exception {
		var csv = new StringBuilder("统一社会信用代码,身份证号码,职业编码,技能等级,月工资,年月,数据来源\n");
		for (int i = 0; i < 40; i++) {
			csv.append(wageRow(100 + i, "初级工", 5_000 + 100 * i));
		}
		for (int i = 0; i < 12; i++) {
			csv.append(wageRow(200 + i, "中级工", 9_000 + 100 * i));
		}
		csv.append(wageRow(300, "高级工", 11_000)).append(wageRow(301, "高级工", 11_500)).append(wageRow(302, "高级工", 12_000));
		// four bad rows: a wrong check digit, an unknown source, a future month, the first row again
		var wrong = IdNumber.withCheckDigit("33060319900101400");
		wrong = wrong.substring(0, 17) + (wrong.charAt(17) == '1' ? "2" : "1");
		csv.append(ENTERPRISE_DEMO + "," + wrong + ",6-18-01-01,初级工,6000,2019-06,企业工资调查\n");
		csv.append(wageRow(401, "初级工", 6_000).replace("企业工资调查", "问卷"));
		csv.append(wageRow(402, "初级工", 6_000).replace("2019-06", "2099-01"));
		csv.append(wageRow(100, "初级工", 5_000));
		var bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

		var job = imports.run("keqiao", "wages", "2019年工资.csv", bytes);
		assertThat(job.get("status")).isEqualTo("DONE");
		assertThat(((Number) job.get("acceptedRows")).intValue()).isEqualTo(55);
		assertThat(imports.errors("keqiao", job)).containsExactlyInAnyOrder(
				"57|身份证号码|import.id-number.check-digit", "58|数据来源|import.analytics.wage.source",
				"59|年月|import.analytics.wage.month", "60|身份证号码|import.duplicate-in-file");
		var again = imports.run("keqiao", "wages", "2019年工资.csv", bytes);
		assertThat(((Number) again.get("acceptedRows")).intValue()).isZero();
		assertThat(((Number) again.get("unchangedRows")).intValue()).isEqualTo(55);

		tables.rebuild("OFFICER", "test");
		var table = wages.table(keqiao, KEQIAO, 2019, "WAGE_SURVEY", Wages.GroupBy.GRADE);
		assertThat(table.rows()).extracting(Wages.Figure::key).containsExactly("junior", "intermediate", "senior");
		var junior = table.rows().get(0);
		// 5,000 … 8,900: percentile_cont at positions 9.75, 19.5, 29.25
		assertThat(junior.persons()).isEqualTo(40);
		assertThat(List.of(junior.p25(), junior.p50(), junior.p75())).containsExactly(5_975.0, 6_950.0, 7_925.0);
		assertThat(junior.exact()).isTrue();
		assertThat(junior.inBandShare()).isEqualTo(1.0);
		// 12 persons: no quantiles, and their count is hidden too, else 55 − 40 − 12 would give the seniors away
		var intermediate = table.rows().get(1);
		assertThat(intermediate.persons()).isNull();
		assertThat(intermediate.p50()).isNull();
		assertThat(intermediate.hidden()).isEqualTo(Reason.COMPLEMENTARY);
		var senior = table.rows().get(2);
		assertThat(senior.persons()).isNull();
		assertThat(senior.hidden()).isEqualTo(Reason.FEW_PERSONS);
		assertThat(senior.premium()).isNull();
		// all 55: positions 13.5, 27 and 40.5 of the sorted wages
		assertThat(table.total().persons()).isEqualTo(55);
		assertThat(List.of(table.total().p25(), table.total().p50(), table.total().p75()))
				.containsExactly(6_350.0, 7_700.0, 9_050.0);
		// the city's table for 2019 has only this county's cells: the same figures
		var city = wages.table(issuer, "330600", 2019, "WAGE_SURVEY", Wages.GroupBy.GRADE);
		assertThat(city.rows().get(0).p50()).isEqualTo(6_950.0);
	}

	private String wageRow(int sequence, String grade, int wage) {
		var id = IdNumber.withCheckDigit("33060319900101" + String.format("%03d", sequence));
		return ENTERPRISE_DEMO + "," + id + ",6-18-01-01," + grade + "," + wage + ",2019-06,企业工资调查\n";
	}

	@Test
	void aVillageOneKilometreFromTheCountysBaseIsTwoMinutesAwayAndBadPointsAreNamed() throws Exception {
		var base = jdbc.sql("select id, longitude, latitude from analytics.training_site where county = :c "
				+ "and kind = 'PUBLIC_BASE' order by id limit 1").param("c", KEQIAO)
				.query((rs, i) -> new double[] { rs.getLong(1), rs.getDouble(2), rs.getDouble(3) }).single();
		var township = regions.all().values().stream()
				.filter(r -> r.level() == RegionLevel.TOWNSHIP && KEQIAO.equals(r.parentCode())).map(r -> r.code())
				.sorted().findFirst().orElseThrow();
		// one kilometre north: 1 km × 1.4 ÷ 40 km/h = 2.1 minutes
		var latitude = base[2] + 1 / 111.19492664455873;
		var csv = "乡镇街道区划代码,名称,类别,经度,纬度,坐标系,坐标来源\n"
				+ township + ",测试重点村甲,重点村," + base[1] + "," + latitude + ",WGS-84,测试：现场GPS\n"
				+ township + ",测试重点村乙,村," + base[1] + "," + latitude + ",WGS-84,测试\n"
				+ township + ",测试重点村丙,重点村,10,10,WGS-84,测试\n"
				+ "999999999,测试重点村丁,重点村," + base[1] + "," + latitude + ",WGS-84,测试\n";
		var bytes = csv.getBytes(StandardCharsets.UTF_8);
		var job = imports.run("keqiao", "locations", "点位.csv", bytes);
		assertThat(((Number) job.get("acceptedRows")).intValue()).isEqualTo(1);
		assertThat(imports.errors("keqiao", job)).containsExactlyInAnyOrder("3|类别|import.analytics.location.category",
				"4|经度|import.analytics.coordinates.outside", "5|乡镇街道区划代码|import.analytics.location.township");
		assertThat(((Number) imports.run("keqiao", "locations", "点位.csv", bytes).get("unchangedRows")).intValue())
				.isEqualTo(1);

		var view = circle.circle(keqiao, null, PageRequest.first(20));
		var village = view.points().stream().filter(r -> r.location().name().equals("测试重点村甲")).findFirst()
				.orElseThrow();
		assertThat(village.site().id()).isEqualTo((long) base[0]);
		assertThat(village.minutes()).isCloseTo(2.1, within(0.01));
		assertThat(village.within()).isTrue();
		assertThat(village.location().illustrative()).isFalse();
		assertThat(view.counties()).singleElement().extracting(TrainingCircle.CountyCoverage::countyCode)
				.isEqualTo(KEQIAO);
	}

	@Test
	void employmentFiguresImportWithTheirSourceAndAChangedFigureSupersedesTheOld() throws Exception {
		var csv = "区划代码,年份,从业人员数,来源文件\n330603,2023,\"812,000\",测试：柯桥统计年鉴2024\n"
				+ "330603,1999,800000,测试\n330603,2022,很多,测试\n330100,2023,100,测试\n";
		var bytes = csv.getBytes(StandardCharsets.UTF_8);
		var job = imports.run("keqiao", "employment-statistics", "从业人员.csv", bytes);
		assertThat(((Number) job.get("acceptedRows")).intValue()).isEqualTo(1);
		assertThat(imports.errors("keqiao", job)).containsExactlyInAnyOrder(
				"3|年份|import.analytics.employment.year.invalid", "4|从业人员数|import.analytics.value.format",
				"5|区划代码|import.scope.outside");
		assertThat(((Number) imports.run("keqiao", "employment-statistics", "从业人员.csv", bytes).get("unchangedRows"))
				.intValue()).isEqualTo(1);
		assertThat(statistics.current(KEQIAO, 2023).orElseThrow().employed()).isEqualTo(812_000);
		statistics.record(keqiao, new EmploymentStatistics.Form(KEQIAO, 2023, 815_000L, "测试：修订"));
		assertThat(statistics.current(KEQIAO, 2023).orElseThrow().employed()).isEqualTo(815_000);
		assertThat(statistics.history(keqiao, KEQIAO, 2023)).hasSize(2);
	}

	@Test
	void anOfficerReadsOnlyTheirRegionAWorkerOnlyTheirOwnProfileAndNobodyElseAnything() throws Exception {
		var shaoxing = api.bearer("shaoxing");
		var keqiaoToken = api.bearer("keqiao");
		mvc.perform(get("/api/v1/analytics/skilled-shares").param("region", "330100").header("Authorization", shaoxing))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/analytics/skilled-shares").param("region", "330602").header("Authorization", keqiaoToken))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/analytics/wages").param("region", "330602").header("Authorization", keqiaoToken))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/analytics/training-circle").param("county", "330602").header("Authorization", keqiaoToken))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/analytics/profiles/regions/330100").header("Authorization", shaoxing))
				.andExpect(status().isNotFound());
		var own = mvc.perform(get("/api/v1/analytics/skilled-shares").header("Authorization", keqiaoToken))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(own, "$.regionCode")).isEqualTo(KEQIAO);
		for (var party : List.of("worker-demo", "enterprise-demo", "provider-demo")) {
			mvc.perform(get("/api/v1/analytics/skilled-shares").header("Authorization", api.bearer(party)))
					.andExpect(status().isForbidden());
		}
		var worker = api.bearer("worker-demo");
		var mine = mvc.perform(get("/api/v1/analytics/profiles/me").header("Authorization", worker))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(mine, "$.person.name")).isEqualTo("张明");
		assertThat((String) JsonPath.read(mine, "$.currentGrade")).isEqualTo("senior");
		long zhangMing = ((Number) JsonPath.read(mine, "$.person.id")).longValue();
		var other = jdbc.sql("select id from registry.person where id <> :id order by id limit 1").param("id", zhangMing)
				.query(Long.class).single();
		mvc.perform(get("/api/v1/analytics/profiles/persons/" + other).header("Authorization", worker))
				.andExpect(status().isNotFound());
		// 张明 lives in 越城区: Shaoxing's officer reads his profile, 柯桥区's does not
		mvc.perform(get("/api/v1/analytics/profiles/persons/" + zhangMing).header("Authorization", shaoxing))
				.andExpect(status().isOk());
		mvc.perform(get("/api/v1/analytics/profiles/persons/" + zhangMing).header("Authorization", keqiaoToken))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/analytics/skilled-shares.xlsx").header("Authorization", shaoxing))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", Matchers.startsWith(
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
				.andExpect(header().string("Content-Disposition", Matchers.containsString("UTF-8''")));
	}

	private String person(String sequence, String name, String employer) {
		var id = IdNumber.withCheckDigit("33060319850101" + String.format("%03d", 600 + Integer.parseInt(sequence)));
		persons.register(keqiao, new PersonDetails(id, name, null, null, KEQIAO, KEQIAO, null, null,
				List.of("industrial-worker"), employer, null));
		return id;
	}

	private void certificate(String number, String holder, String name, String type, String grade, LocalDate on) {
		certificates.issue(issuer, new CertificateRequest("TEST-ANA-" + number, holder, name, type,
				type.equals("special-ability") || type.equals("training-completion") ? "6-18-01-01" : "6-18-01-01",
				grade, on));
	}
}
