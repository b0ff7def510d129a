package cn.gongjiang.subsidy.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.registry.PersonProfile;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.subsidy.PolicyPack;
import cn.gongjiang.training.CatalogueEntry;
import cn.gongjiang.training.ClassEnrolments;

/**
 * SUB-1, one table per clause of 浙人社发〔2022〕32号 §13 and Shaoxing's 三、（二）4, readable by policy staff: each row is a
 * case and what the rule must say.
 */
class TrainingSubsidyRulesTests {

	static final PolicyPack PROVINCE = new PolicyPack(1, "330000", "/330000/", 1, LocalDate.of(2022, 4, 29), null, "省",
			"浙人社发〔2022〕32号 §13", Map.of("standards", Map.of(
					"skill-level", Map.of("junior", 1000, "intermediate", 1500, "senior", 2000, "technician", 2500,
							"senior-technician", 3000),
					"special-ability", 500, "training-completion", 300),
					"maxPerYear", 3, "shortageUpliftPercent", 20, "mountainUpliftPercent", 10,
					"retiredWithoutPensionEnabled", false));
	static final PolicyPack SHAOXING = new PolicyPack(2, "330600", "/330000/330600/", 1, LocalDate.of(2022, 7, 1), null, "绍兴",
			"绍兴市实施意见 三、（二）4", Map.of("keyFieldUpliftPercent", 30, "keyFields", Map.of("6-18", "高端装备")));

	static final IdNumberIndex HOLDER = IdNumberIndex.fromHex("00");

	static SubsidyCase of(String type, String occupation, String grade, String trainingStatus, String county,
			boolean shaoxing, int grantedThisYear, boolean repeat, LocalDate birth, String sex, Integer catalogueStandard,
			boolean shortage, boolean mountain) {
		var cert = new CertificateIssued(1, "N1", HOLDER, type, occupation, grade, LocalDate.of(2026, 6, 1), "机构",
				trainingStatus == null ? null : 7L);
		var training = trainingStatus == null ? Optional.<ClassEnrolments.CompletedTraining>empty()
				: Optional.of(new ClassEnrolments.CompletedTraining(7, 3, 5L, trainingStatus, county, null, HOLDER));
		var person = Optional.of(new PersonProfile(PersonId.of(1), "330602********1234", "张三", sex, birth, null, null, county,
				List.of(), null, HOLDER));
		var entry = catalogueStandard == null ? Optional.<CatalogueEntry>empty()
				: Optional.of(new CatalogueEntry(9, occupation, grade, catalogueStandard, shortage,
						LocalDate.of(2025, 1, 1), null, "目录"));
		return new SubsidyCase(cert, training, person, PROVINCE, shaoxing ? Optional.of(SHAOXING) : Optional.empty(),
				grantedThisYear, repeat, entry, mountain);
	}

	static Step last(SubsidyCase c) {
		var steps = TrainingSubsidyRules.decide(c);
		return steps.get(steps.size() - 1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			培训合格证书，完成培训                 | training-completion | COMPLETED     | PASS | 
			职业技能等级证书，完成培训             | skill-level         | COMPLETED     | PASS | 
			导入的证书，平台不知道培训             | skill-level         |               | DENY | subsidy.no-completed-training
			培训未结业                             | skill-level         | NOT_COMPLETED | DENY | subsidy.no-completed-training
			荣誉证书不是四类证书之一               | honour              | COMPLETED     | DENY | subsidy.certificate-type
			""")
	void clause1TheCertificateIsOneOfTheFourTypesAfterACompletedTraining(String why, String type, String status,
			Step.Verdict verdict, String code) {
		var step = TrainingSubsidyRules.qualifyingCertificate(of(type, "6-18-01-01", "intermediate", status,
				"/330000/330600/330603/", true, 0, false, LocalDate.of(1990, 1, 1), "M", null, false, false));
		assertThat(step.verdict()).as(why).isEqualTo(verdict);
		assertThat(step.code()).as(why).isEqualTo(code);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			本年度已补贴 0 次   | 0 | PASS |
			本年度已补贴 2 次   | 2 | PASS |
			本年度已补贴 3 次   | 3 | DENY | subsidy.cap-per-year
			""")
	void clause3AtMostThreeAYear(String why, int granted, Step.Verdict verdict, String code) {
		var step = TrainingSubsidyRules.threePerYear(of("skill-level", "6-18-01-01", "intermediate", "COMPLETED",
				"/330000/330600/330603/", true, granted, false, LocalDate.of(1990, 1, 1), "M", null, false, false));
		assertThat(step.verdict()).as(why).isEqualTo(verdict);
		assertThat(step.code()).isEqualTo(code);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			从未补贴过该职业该等级   | false | PASS |
			已补贴过同职业同等级     | true  | DENY | subsidy.repeat-occupation-grade
			""")
	void clause4OncePerOccupationAndGrade(String why, boolean repeat, Step.Verdict verdict, String code) {
		var step = TrainingSubsidyRules.oncePerOccupationAndGrade(of("skill-level", "6-18-01-01", "intermediate",
				"COMPLETED", "/330000/330600/330603/", true, 0, repeat, LocalDate.of(1990, 1, 1), "M", null, false, false));
		assertThat(step.verdict()).as(why).isEqualTo(verdict);
		assertThat(step.code()).isEqualTo(code);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			男，1975年生，2026年未到龄                  | 1975-03-01 | M | PASS |
			男，1964年5月生，2024年5月已满60周岁        | 1964-05-01 | M | DENY | subsidy.retired-not-enabled
			男，1966年1月生，延迟4个月至2026年5月退休   | 1966-01-01 | M | DENY | subsidy.retired-not-enabled
			男，1966年3月生，延迟4个月至2026年7月退休   | 1966-03-01 | M | PASS |
			女，1975年生，延迟1个月后于2025年2月退休    | 1975-01-01 | F | DENY | subsidy.retired-not-enabled
			女，1980年生，延迟31个月                    | 1980-01-01 | F | PASS |
			""")
	void clause5PastTheLegalRetirementAgeOnlyWhereThePackEnablesIt(String why, LocalDate birth, String sex,
			Step.Verdict verdict, String code) {
		var step = TrainingSubsidyRules.retirementAge(of("skill-level", "6-18-01-01", "intermediate", "COMPLETED",
				"/330000/330600/330603/", true, 0, false, birth, sex, null, false, false));
		assertThat(step.verdict()).as(why + " (" + step.reason() + " " + step.arguments() + ")").isEqualTo(verdict);
		assertThat(step.code()).isEqualTo(code);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			市政策纳入，登记为未领取养老金                | true  | NOT_DRAWING | PASS |
			市政策纳入，养老金情况未登记                  | true  |             | DENY | subsidy.pension-unknown
			市政策纳入，但按月领取养老金                  | true  | DRAWING     | DENY | subsidy.retired-with-pension
			市政策未纳入（省默认不纳入），未领取养老金    | false | NOT_DRAWING | DENY | subsidy.retired-not-enabled
			""")
	void clause5EachCityDecidesWhetherThoseWithoutAPensionAreIncluded(String why, boolean cityIncludes, String pension,
			Step.Verdict verdict, String code) {
		// issue 16: 各地可 — the switch is the city's, and the pension a recorded fact, not a group nobody could set
		var c = of("skill-level", "6-18-01-01", "intermediate", "COMPLETED", "/330000/330600/330603/", true, 0, false,
				LocalDate.of(1950, 1, 1), "M", null, false, false);
		var p = c.person().get();
		var person = new PersonProfile(p.personId(), p.idNumberMasked(), p.name(), p.sex(), p.birthDate(),
				p.hukouRegion(), p.hukouPath(), p.residencePath(), p.groups(), p.employerCreditCode(), p.idNumberIndex(),
				pension);
		var city = new PolicyPack(2, "330600", "/330000/330600/", 1, LocalDate.of(2022, 7, 1), null, "绍兴", "三、（二）4",
				Map.of("retiredWithoutPensionEnabled", cityIncludes));
		var step = TrainingSubsidyRules.retirementAge(new SubsidyCase(c.certificate(), c.training(), Optional.of(person),
				c.province(), Optional.of(city), 0, false, c.catalogueEntry(), false));
		assertThat(step.verdict()).as(why).isEqualTo(verdict);
		assertThat(step.code()).as(why).isEqualTo(code);
	}

	@Test
	void clause6TheMostDetailedGroupThatHoldsTheOccupationNamesItsKeyField() {
		// issue 16: 药物制剂 (6-12-03) was labelled 新材料 because a shorter group matched first
		var city = new PolicyPack(2, "330600", "/330000/330600/", 1, LocalDate.of(2022, 7, 1), null, "绍兴", "三、（二）4",
				Map.of("keyFieldUpliftPercent", 30, "keyFields", new LinkedHashMap<>(Map.of("6-12", "新材料",
						"6-12-03", "现代医药"))));
		var c = of("skill-level", "6-12-03-00", "intermediate", "COMPLETED", "/330000/330600/330603/", true, 0, false,
				LocalDate.of(1990, 1, 1), "M", null, false, false);
		var step = TrainingSubsidyRules.amount(new SubsidyCase(c.certificate(), c.training(), c.person(), c.province(),
				Optional.of(city), 0, false, c.catalogueEntry(), false));
		assertThat(step.arguments()).last().isEqualTo("现代医药");
		assertThat(step.amount()).isEqualTo(Money.yuan(1950));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			杭州，中级工，包标准                         | skill-level         | 6-18-01-01 | intermediate | false |      | false | false | 1500
			柯桥，车工中级工，高端装备上浮30%            | skill-level         | 6-18-01-01 | intermediate | true  |      | false | false | 1950
			柯桥，非重点领域                             | skill-level         | 4-10-01-03 | intermediate | true  |      | false | false | 1500
			山区县，技师，上浮10%                         | skill-level         | 4-10-01-03 | technician   | false |      | false | true  | 2750
			目录自定标准并列为紧缺，上浮20%              | skill-level         | 4-10-01-03 | junior       | false | 1200 | true  | false | 1440
			柯桥山区叠加：车工高级工，30%+10%            | skill-level         | 6-18-01-01 | senior       | true  |      | false | true  | 2800
			专项职业能力证书                             | special-ability     | 6-18-01-01 |              | false |      | false | false | 500
			培训合格证书                                 | training-completion | 4-10-01-03 |              | false |      | false | false | 300
			培训合格证书，目录有该职业标准也按包标准     | training-completion | 4-10-01-03 |              | false | 2250 | false | false | 300
			专项职业能力证书，目录有该职业标准也按包标准 | special-ability     | 4-10-01-03 |              | false | 2250 | false | false | 500
			职业技能等级证书，按目录标准                 | skill-level         | 4-10-01-03 | intermediate | false | 2250 | false | false | 2250
			""")
	void clause6TheAmountIsTheStandardWithItsUplifts(String why, String type, String occupation, String grade,
			boolean shaoxing, Integer catalogueStandard, boolean shortage, boolean mountain, int amount) {
		var step = last(of(type, occupation, grade, "COMPLETED", shaoxing ? "/330000/330600/330603/" : "/330000/330100/330106/",
				shaoxing, 0, false, LocalDate.of(1990, 1, 1), "M", catalogueStandard, shortage, mountain));
		assertThat(step.rule()).isEqualTo("amount");
		assertThat(step.amount()).as(why).isEqualTo(Money.yuan(amount));
		assertThat(step.arguments().get(0)).as("the sentence says the amount granted, as a number")
				.isEqualTo(BigDecimal.valueOf(amount));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			在省内培训                         | /330000/330600/330603/ | /330000/330600/330603/ |                        | PASS | subsidy.step.place.training
			省外培训，户籍在省内               | /110000/110100/110101/ | /330000/330100/330102/ |                        | PASS | subsidy.step.place.person
			无培训记录，常住地在省内           |                        |                        | /330000/330600/330602/ | PASS | subsidy.step.place.person
			无培训记录，户籍与常住地都不在省内 |                        |                        |                        | DENY | subsidy.not-eligible-place
			无培训记录，户籍与常住地在省外     |                        | /320000/320100/320102/ | /310000/310100/310101/ | DENY | subsidy.not-eligible-place
			""")
	void clause13TheHukouResidenceOrTrainingIsInTheProvince(String why, String trainingCounty, String hukou,
			String residence, Step.Verdict verdict, String reason) {
		// 浙人社发〔2022〕32号 §13: 具有本省户籍、在本省常住或在本省参加培训 (issue 17: the clause had no test)
		var c = of("skill-level", "6-18-01-01", "intermediate", trainingCounty == null ? null : "COMPLETED",
				trainingCounty, false, 0, false, LocalDate.of(1990, 1, 1), "M", null, false, false);
		var p = c.person().get();
		var person = new PersonProfile(p.personId(), p.idNumberMasked(), p.name(), p.sex(), p.birthDate(), null, hukou,
				residence, p.groups(), p.employerCreditCode(), p.idNumberIndex(), p.pension());
		var step = TrainingSubsidyRules.placeInProvince(new SubsidyCase(c.certificate(), c.training(), Optional.of(person),
				c.province(), c.city(), 0, false, c.catalogueEntry(), false));
		assertThat(step.verdict()).as(why).isEqualTo(verdict);
		assertThat(verdict == Step.Verdict.PASS ? step.reason() : step.code()).as(why).isEqualTo(reason);
	}
}
