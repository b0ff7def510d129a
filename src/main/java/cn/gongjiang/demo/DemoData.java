package cn.gongjiang.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.certification.CertificateRequest;
import cn.gongjiang.certification.EvaluationFiling;
import cn.gongjiang.certification.EvaluationFilings;
import cn.gongjiang.identity.AccountBootstrap;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.registry.EnterpriseRegistration;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.PersonDetails;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.registry.ProviderRegistration;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Makes a small, deterministic demo province: in every county five persons, in every city two enterprises and a
 * provider, a skill certificate for every other person, and the demo worker 张明 with two certificates, so each demo
 * account has something of its own to look at.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);
	private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
	private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强晓东海燕丽华红梅春梅玉兰".split("");
	private static final List<String> GROUPS = List.of("rural-migrant", "industrial-worker", "college-graduate",
			"unemployed", "veteran", "platform-worker");
	private static final List<String> OCCUPATIONS = List.of("6-18-01-01", "6-18-01-02", "6-31-01-03", "4-10-01-03",
			"6-18-02-01", "6-29-01-01");
	private static final List<String> GRADES = List.of("junior", "intermediate", "senior", "technician");
	static final String SHAOXING = "330600";
	static final String PROVIDER_DEMO = "52330600MJ9876543F";
	static final String ENTERPRISE_DEMO = "91330603MA2D12345A";

	private final DemoMode demo;
	private final RegionDirectory regions;
	private final PersonRegistry persons;
	private final OrganisationRegistry organisations;
	private final CertificateRegister certificates;
	private final JdbcClient jdbc;
	private final EvaluationFilings filings;

	DemoData(DemoMode demo, RegionDirectory regions, PersonRegistry persons, OrganisationRegistry organisations,
			CertificateRegister certificates, JdbcClient jdbc, EvaluationFilings filings) {
		this.filings = filings;
		this.demo = demo;
		this.regions = regions;
		this.persons = persons;
		this.organisations = organisations;
		this.certificates = certificates;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || jdbc.sql("select exists (select 1 from registry.person)").query(Boolean.class).single()) {
			return;
		}
		var loader = new Actor(0, "demo-loader", "演示数据", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		var issuer = new Actor(0, "demo-loader", "浙江省职业技能鉴定指导中心", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.ZHEJIANG, "/330000/"), false);
		var random = new Random(2026);
		var all = regions.all().values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
		var counties = all.stream().filter(r -> r.level() == RegionLevel.COUNTY).toList();
		var cities = all.stream().filter(r -> r.level() == RegionLevel.CITY).toList();
		var made = 0;
		for (var city : cities) {
			var firstCounty = counties.stream().filter(c -> c.parentCode().equals(city.code())).findFirst().orElseThrow();
			for (int i = 1; i <= 2; i++) {
				organisations.registerEnterprise(loader, new EnterpriseRegistration(creditCode("91" + firstCounty.code() + "MA2D" + i + "DEMX"),
						city.name().replace("市", "") + (i == 1 ? "示范智能装备有限公司" : "示范纺织科技有限公司"), firstCounty.code(),
						i == 1 ? "advanced-manufacturing" : "digital-economy", null, i == 1 ? "LARGE" : "MEDIUM", i == 1,
						i == 1 ? "415X集群链主企业" : null, i == 1 ? "RECOGNISED" : "CANDIDATE", i == 1 ? 2025 : null, i == 1));
			}
			var stars = 3 + random.nextInt(3);
			if (!city.code().equals(SHAOXING)) {
				organisations.registerProvider(loader, new ProviderRegistration(providerOf(city.code(), firstCounty.code()),
						city.name() + "示范职业技能培训学校", "PRIVATE_INSTITUTION", "浙人社培" + city.code(),
						LocalDate.of(2028, 12, 31), firstCounty.code(), stars, 2025, "ACTIVE", null, null));
			}
		}
		for (var county : counties) {
			for (int i = 0; i < 5; i++) {
				var idNumber = idNumber(county.code(), LocalDate.of(1970 + random.nextInt(35), 1 + random.nextInt(12),
						1 + random.nextInt(28)), random.nextInt(999));
				var name = name(random);
				persons.register(loader, new PersonDetails(idNumber, name, null, null, county.code(), county.code(),
						"13" + String.format("%09d", random.nextInt(1_000_000_000)), null,
						List.of(GROUPS.get(random.nextInt(GROUPS.size()))), null, null));
				if (i % 2 == 0) {
					certificates.issue(issuer, new CertificateRequest("ZJ" + county.code() + "2026" + i, idNumber, name,
							"skill-level", OCCUPATIONS.get(random.nextInt(OCCUPATIONS.size())),
							GRADES.get(random.nextInt(GRADES.size())), LocalDate.of(2026, 1 + random.nextInt(10), 10)));
				}
				made++;
			}
		}
		// the organisations behind the demo accounts, so each sees its own record; Shaoxing's demo provider is
		// provider-demo's own school, so the demo classes of Shaoxing are the ones its account runs
		organisations.registerEnterprise(loader, new EnterpriseRegistration(ENTERPRISE_DEMO, "绍兴示范机械有限公司",
				"330603", "sx-high-end-equipment", "高端装备", "MEDIUM", true, "高端装备产业链主", "RECOGNISED", 2025, true));
		organisations.registerProvider(loader, new ProviderRegistration(PROVIDER_DEMO, "绍兴市示范职业技能培训学校",
				"PRIVATE_INSTITUTION", "浙人社培330600001", LocalDate.of(2028, 6, 30), "330602", 4, 2025, "ACTIVE", null,
				null));
		organisations.registerProvider(loader, new ProviderRegistration("12330600MB12345675", "绍兴市示范技师学院",
				"TECHNICIAN_COLLEGE", null, null, "330602", null, null, "ACTIVE", null, null));
		var worker = AccountBootstrap.DEMO_WORKER_ID_NUMBER;
		persons.register(loader, new PersonDetails(worker, "张明", null, null, "330602", "330602", "13905750001",
				null, List.of("industrial-worker"), creditCode("91330603MA2D12345"), null));
		certificates.issue(issuer, new CertificateRequest("ZJ3306022024001", worker, "张明", "skill-level", "6-18-01-01",
				"intermediate", LocalDate.of(2024, 6, 18)));
		certificates.issue(issuer, new CertificateRequest("ZJ3306022026001", worker, "张明", "skill-level", "6-18-01-01",
				"senior", LocalDate.of(2026, 6, 20)));
		// every demo provider, and the demo school for its own students, is filed to evaluate the demo's occupations
		for (var city : cities) {
			var firstCounty = counties.stream().filter(c -> c.parentCode().equals(city.code())).findFirst().orElseThrow();
			fileEvaluator(loader, providerOf(city.code(), firstCounty.code()), EvaluationFiling.Basis.SOCIAL_ORGANISATION);
		}
		fileEvaluator(loader, "12330600MB12345675", EvaluationFiling.Basis.OWN_EVALUATION);
		log.info("Demo data: {} persons, {} enterprises, {} providers in 11 cities", made + 1, cities.size() * 2,
				cities.size());
	}

	/** The demo provider of a city: provider-demo's school in Shaoxing, a city school elsewhere. */
	private void fileEvaluator(Actor officer, String creditCode, EvaluationFiling.Basis basis) {
		for (var occupation : OCCUPATIONS) {
			filings.file(officer, new EvaluationFiling.Request(creditCode, basis, occupation, LocalDate.of(2020, 1, 1),
					null));
		}
	}

	static String providerOf(String city, String firstCounty) {
		return city.equals(SHAOXING) ? PROVIDER_DEMO : creditCode("52" + firstCounty + "MJ000DEMX");
	}

	/** The enterprise whose demand and orders a city's demo shows: enterprise-demo's own in Shaoxing. */
	static String enterpriseOf(String city, String firstCounty) {
		return city.equals(SHAOXING) ? ENTERPRISE_DEMO : creditCode("91" + firstCounty + "MA2D1DEMX");
	}

	/** A name as people have them: a common surname and one or two given characters. */
	static String name(Random random) {
		return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
				+ (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
	}

	static String idNumber(String county, LocalDate birth, int sequence) {
		return IdNumber.withCheckDigit(county + birth.toString().replace("-", "") + String.format("%03d", sequence));
	}

	static String creditCode(String seventeen) {
		return CreditCode.withCheckCharacter(seventeen);
	}
}
