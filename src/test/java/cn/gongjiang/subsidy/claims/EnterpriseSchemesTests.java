package cn.gongjiang.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.registry.PersonProfile;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.PersonId;

/**
 * SUB-4, Shaoxing's enterprise and other schemes (绍兴市实施意见 第6、7、8、10、11、17条), one table per clause, readable
 * by policy staff: who claims, the evidence, what is already held, and what the rule must say (the code it refuses
 * with, or the amount and periods it grants).
 */
public class EnterpriseSchemesTests {

	static final Map<String, Object> SCHEMES = Map.of(
			"DIRECTED_TRAINING", Map.of("perPersonYear", 5000, "maxYears", 2, "clause", "第11条 定向培养"),
			"APPRENTICESHIP", Map.of("perPersonYear", 6000, "maxYears", 2, "clause", "第11条 新型学徒制"),
			"TECHNICIAN_ALLOWANCE", Map.of("technicianMonthly", 500, "seniorMonthly", 1000, "maxMonths", 36,
					"manufacturingFields", List.of("advanced-manufacturing", "sx-high-end-equipment"), "clause", "第17条"),
			"PROJECT_HIRE", Map.of("perPerson", 500, "clause", "第8条"),
			"PARTNER_SCHOOL", Map.of("seniorClass", 2000, "technicianClass", 3000, "clause", "第10条"),
			"PARTNER_RETENTION", Map.of("perYearStudied", 2000, "minInsuranceMonths", 6, "minContractYears", 1,
					"clause", "第10条"),
			"TRAINING_BASE", Map.of("once", 500000, "clause", "第6条"),
			"OVERSEAS_TRAINING", Map.of("maxPerPerson", 50000, "maxDays", 31, "clause", "第7条"),
			"STUDY_TOUR", Map.of("maxInProvince", 10000, "maxOutside", 20000, "clause", "第7条"));

	static final String ENTERPRISE = "91330603MA2D12345A";

	/**
	 * A claim: the claimant kind (ENTERPRISE, TECHNICIAN_COLLEGE …) and industry field, the evidence as
	 * {@code key=value;…}, the periods already held as {@code a;b}, and the certificate's grade (its holder is the
	 * person unless {@code other:}).
	 */
	public static EnterpriseSchemes.Assessment assess(String scheme, String claimant, String evidence, String held,
			String certificateGrade) {
		var kind = claimant.split("/")[0];
		var field = claimant.contains("/") ? claimant.split("/")[1] : null;
		var e = new HashMap<String, String>();
		if (evidence != null) {
			for (var pair : evidence.split(";")) {
				var kv = pair.split("=", 2);
				e.put(kv[0].strip(), kv[1].strip());
			}
		}
		var person = e.containsKey("idNumber") ? Optional.of(new PersonProfile(PersonId.of(1), "330603********1234", "王五", "M",
				LocalDate.of(1985, 1, 1), null, null, "/330000/330600/330603/", List.of(),
				e.getOrDefault("employer", ENTERPRISE), IdNumberIndex.fromHex("aa"))) : Optional.<PersonProfile>empty();
		var certificate = certificateGrade == null ? Optional.<CertificateIssued>empty()
				: Optional.of(new CertificateIssued(5, "C1",
						IdNumberIndex.fromHex(certificateGrade.startsWith("other:") ? "bb" : "aa"),
						"skill-level", "6-18-01-01", certificateGrade.replace("other:", ""), LocalDate.of(2024, 1, 1),
						"机构", null));
		@SuppressWarnings("unchecked")
		var parameters = (Map<String, Object>) SCHEMES.get(scheme);
		return EnterpriseSchemes.assess(new ClaimCase(scheme, new ClaimCase.Claimant(ENTERPRISE, "示范", kind,
				"/330000/330600/330603/", field), person, e, parameters,
				held == null ? List.of() : Arrays.asList(held.split(";")), certificate, LocalDate.of(2026, 6, 1)));
	}

	static String said(EnterpriseSchemes.Assessment a) {
		return a.granted() ? a.total() + " " + a.entitlements().stream()
				.map(EnterpriseSchemes.Entitlement::period).reduce((x, y) -> x + "," + y).orElse("")
				: a.refusal().code();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			企业定向培养，首年                        | DIRECTED_TRAINING | ENTERPRISE | idNumber=x;name=王五;agreementNumber=D1;year=2026 |           | 5000 2026
			第二年                                    | DIRECTED_TRAINING | ENTERPRISE | idNumber=x;name=王五;agreementNumber=D1;year=2027 | 2026      | 5000 2027
			补贴不超过2年                             | DIRECTED_TRAINING | ENTERPRISE | idNumber=x;name=王五;agreementNumber=D1;year=2028 | 2026;2027 | subsidy.claim.over-cap
			同一年度不重复                            | DIRECTED_TRAINING | ENTERPRISE | idNumber=x;name=王五;agreementNumber=D1;year=2026 | 2026      | subsidy.claim.period-held
			缺少协议编号                              | DIRECTED_TRAINING | ENTERPRISE | idNumber=x;name=王五;year=2026                   |           | subsidy.claim.evidence-missing
			学校不能申请企业定向培养                  | DIRECTED_TRAINING | TECHNICIAN_COLLEGE | idNumber=x;name=王五;agreementNumber=D1;year=2026 |   | subsidy.claim.wrong-claimant
			新型学徒制按实际，最高6000                | APPRENTICESHIP    | ENTERPRISE | idNumber=x;name=王五;contractNumber=A1;year=2026;amount=4800 | | 4800 2026
			新型学徒制超过6000                        | APPRENTICESHIP    | ENTERPRISE | idNumber=x;name=王五;contractNumber=A1;year=2026;amount=6500 | | subsidy.claim.over-cap
			姓名与人员库不一致                        | APPRENTICESHIP    | ENTERPRISE | idNumber=x;name=王六;contractNumber=A1;year=2026;amount=4800 | | subsidy.claim.name-mismatch
			X-1 学徒须是本企业职工                    | APPRENTICESHIP    | ENTERPRISE | idNumber=x;name=王五;contractNumber=A1;year=2026;amount=4800;employer=91330600OTHER00000 | | subsidy.claim.not-employed
			""")
	void clause11DirectedTrainingAndApprenticeshipPerPersonYearAtMostTwoYears(String why, String scheme,
			String claimant, String evidence, String held, String expected) {
		assertThat(said(assess(scheme, claimant, evidence, held, null))).as(why).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			技师，制造业企业在岗，每月500              | ENTERPRISE/sx-high-end-equipment  | technician        | firstMonth=2026-01;months=3   |                 | 1500 2026-01,2026-02,2026-03
			高级技师每月1000                          | ENTERPRISE/advanced-manufacturing | senior-technician | firstMonth=2026-01;months=2   |                 | 2000 2026-01,2026-02
			SUB-1 特级技师属"高级技师及以上"，每月1000 | ENTERPRISE/advanced-manufacturing | principal-technician | firstMonth=2026-01;months=2 |          | 2000 2026-01,2026-02
			SUB-1 首席技师属"高级技师及以上"，每月1000 | ENTERPRISE/advanced-manufacturing | chief-technician | firstMonth=2026-01;months=1 |              | 1000 2026-01
			高级工不享受                              | ENTERPRISE/sx-high-end-equipment  | senior            | firstMonth=2026-01;months=2   |                 | subsidy.claim.grade
			非制造业企业                              | ENTERPRISE/life-services          | technician        | firstMonth=2026-01;months=2   |                 | subsidy.claim.not-manufacturing
			证书不是本人的                            | ENTERPRISE/sx-high-end-equipment  | other:technician  | firstMonth=2026-01;months=2   |                 | subsidy.claim.certificate-not-held
			已在别的企业领取的月份                    | ENTERPRISE/sx-high-end-equipment  | technician        | firstMonth=2026-01;months=2   | 2026-02         | subsidy.claim.period-held
			累计不超过36个月                          | ENTERPRISE/sx-high-end-equipment  | technician        | firstMonth=2026-01;months=36  | 2025-12         | subsidy.claim.over-cap
			""")
	void clause17PostAllowanceMonthlyWhileEmployedAtMostThirtySixMonths(String why, String claimant, String grade,
			String schedule, String held, String expected) {
		var evidence = "idNumber=x;name=王五;certificateNumber=C1;" + schedule;
		assertThat(said(assess("TECHNICIAN_ALLOWANCE", claimant, evidence, held, grade))).as(why).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			中级工招入首期投产项目，一次性500   | intermediate | 91330603MA2D12345A | | 500 once
			初级工不享受                        | junior       | 91330603MA2D12345A | | subsidy.claim.grade
			SUB-1 首席技师也是中级工及以上       | chief-technician | 91330603MA2D12345A | | 500 once
			不在申请企业就业                    | senior       | 91330100MA2A00000X | | subsidy.claim.not-employed
			同一人只享受一次                    | senior       | 91330603MA2D12345A | once | subsidy.claim.period-held
			""")
	void clause8MajorProjectHireOncePerIntermediateOrHigherWorker(String why, String grade, String employer, String held,
			String expected) {
		var evidence = "idNumber=x;name=王五;certificateNumber=C1;projectName=省重大项目;hiredOn=2026-03-01;employer=" + employer;
		assertThat(said(assess("PROJECT_HIRE", "ENTERPRISE", evidence, held, grade))).as(why).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			高级工班实习，每人每年2000           | PARTNER_SCHOOL    | classLevel=高级工班;year=2026                           |      | 2000 2026
			技师班实习，每人每年3000             | PARTNER_SCHOOL    | classLevel=技师班;year=2026                             |      | 3000 2026
			毕业留绍，就读3年，每年2000          | PARTNER_RETENTION | yearsStudied=3;insuranceMonths=6;contractYears=1        |      | 6000 once
			社保不满6个月                        | PARTNER_RETENTION | yearsStudied=3;insuranceMonths=5;contractYears=1        |      | subsidy.claim.not-stayed
			合同不满一年                         | PARTNER_RETENTION | yearsStudied=3;insuranceMonths=8;contractYears=0        |      | subsidy.claim.not-stayed
			留绍补助只享受一次                   | PARTNER_RETENTION | yearsStudied=3;insuranceMonths=8;contractYears=2        | once | subsidy.claim.period-held
			""")
	void clause10PartnerSchoolInternshipsAndGraduatesWhoStay(String why, String scheme, String evidence, String held,
			String expected) {
		assertThat(said(assess(scheme, "TECHNICIAN_COLLEGE", "idNumber=x;name=王五;" + evidence, held, null))).as(why)
				.isEqualTo(expected);
		assertThat(said(assess(scheme, "ENTERPRISE", "idNumber=x;name=王五;" + evidence, held, null)))
				.as("paid to the school, not an enterprise").isIn("subsidy.claim.wrong-claimant", expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			市级公共实训基地，一次性50万     | TRAINING_BASE     | baseName=越派工匠实训基地;designation=绍人社〔2026〕1号 |      | 500000 once
			同一单位只享受一次               | TRAINING_BASE     | baseName=越派工匠实训基地;designation=绍人社〔2026〕1号 | once | subsidy.claim.period-held
			境外培训不超过1个月，最高5万     | OVERSEAS_TRAINING | idNumber=x;name=王五;destination=德国;days=28;amount=48000 | | 48000 2026
			境外培训超过1个月                | OVERSEAS_TRAINING | idNumber=x;name=王五;destination=德国;days=40;amount=48000 | | subsidy.claim.over-cap
			境外培训超过5万                  | OVERSEAS_TRAINING | idNumber=x;name=王五;destination=德国;days=20;amount=52000 | | subsidy.claim.over-cap
			省内研修最高1万                  | STUDY_TOUR        | idNumber=x;name=王五;inProvince=是;amount=10000           | | 10000 2026
			省内研修超过1万                  | STUDY_TOUR        | idNumber=x;name=王五;inProvince=是;amount=12000           | | subsidy.claim.over-cap
			省外研修最高2万                  | STUDY_TOUR        | idNumber=x;name=王五;inProvince=否;amount=12000           | | 12000 2026
			""")
	void clauses6And7TrainingBaseOverseasTrainingAndStudyTours(String why, String scheme, String evidence, String held,
			String expected) {
		assertThat(said(assess(scheme, "ENTERPRISE", evidence, held, null))).as(why).isEqualTo(expected);
	}
}
