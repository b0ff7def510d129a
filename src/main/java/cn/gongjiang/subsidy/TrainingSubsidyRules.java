package cn.gongjiang.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training subsidy for persons (SUB-1; 浙人社发〔2022〕32号 §13; Shaoxing 三、（二）4), one small rule per clause, in
 * the order the policy reads. The first rule that denies ends the decision; the amount rule runs last.
 */
final class TrainingSubsidyRules {

	static final String SCHEME = "TRAINING";
	static final Set<String> TYPES = Set.of("vocational-qualification", "skill-level", "special-ability",
			"training-completion");

	/** The clause each rule applies (the amount's is the packs' own source). */
	static final Map<String, String> CLAUSES = Map.of(
			"qualifying-certificate", "浙人社发〔2022〕32号 §13（四类证书，完成培训）",
			"place", "浙人社发〔2022〕32号 §13（户籍、常住、培训或就业在省内）",
			"cap-per-year", "浙人社发〔2022〕32号 §13（每人每年不超过3次）",
			"repeat", "浙人社发〔2022〕32号 §13（同一职业同一等级只补贴一次）",
			"retirement", "浙人社发〔2022〕32号 §13（法定退休年龄）");

	private TrainingSubsidyRules() {
	}

	/** The steps of one case; the last is the amount when every rule passed. */
	static List<Step> decide(SubsidyCase c) {
		var steps = new ArrayList<Step>();
		for (var rule : List.<java.util.function.Function<SubsidyCase, Step>>of(TrainingSubsidyRules::qualifyingCertificate,
				TrainingSubsidyRules::placeInProvince, TrainingSubsidyRules::threePerYear,
				TrainingSubsidyRules::oncePerOccupationAndGrade, TrainingSubsidyRules::retirementAge)) {
			var step = rule.apply(c);
			steps.add(step);
			if (step.verdict() != Step.Verdict.PASS) {
				return steps;
			}
		}
		steps.add(amount(c));
		return steps;
	}

	/** The amount an amount step grants (its detail starts with the yuan figure). */
	static BigDecimal amountOf(Step amount) {
		var detail = amount.detail();
		var end = detail.indexOf('（');
		return new BigDecimal(end < 0 ? detail : detail.substring(0, end));
	}

	/** §13: one of the four certificate types, and a completed training the platform knows behind it. */
	static Step qualifyingCertificate(SubsidyCase c) {
		var clause = CLAUSES.get("qualifying-certificate");
		if (!TYPES.contains(c.certificate().type())) {
			return Step.deny("qualifying-certificate", clause, "subsidy.certificate-type", c.certificate().type());
		}
		if (c.training().isPresent() && !c.training().get().holderIndex().equals(c.certificate().holderIndex())) {
			return Step.deny("qualifying-certificate", clause, "subsidy.no-completed-training",
					"enrolment " + c.training().get().enrolmentId() + " is another person's");
		}
		if (c.training().isEmpty() || !c.training().get().completed()) {
			return Step.deny("qualifying-certificate", clause, "subsidy.no-completed-training",
					c.training().map(t -> "enrolment " + t.enrolmentId() + " " + t.status()).orElse("no training"));
		}
		return Step.pass("qualifying-certificate", clause, "enrolment " + c.training().get().enrolmentId());
	}

	/** §13: hukou, residence, training, or work in the province; the training is the platform's, so in Zhejiang. */
	static Step placeInProvince(SubsidyCase c) {
		var clause = CLAUSES.get("place");
		var countyPath = c.training().map(t -> t.countyPath()).orElse(null);
		var inProvince = (countyPath != null && countyPath.startsWith("/330000/"))
				|| c.person().map(p -> p.hukouPath() != null || p.residencePath() != null).orElse(false);
		return inProvince ? Step.pass("place", clause, countyPath)
				: Step.deny("place", clause, "subsidy.not-eligible-place", null);
	}

	/** §13: at most three subsidised trainings per person in the calendar year of issue. */
	static Step threePerYear(SubsidyCase c) {
		var clause = CLAUSES.get("cap-per-year");
		var max = c.province().intParameter("maxPerYear", 3);
		return c.grantedThisYear() >= max
				? Step.deny("cap-per-year", clause, "subsidy.cap-per-year", c.grantedThisYear() + "/" + max)
				: Step.pass("cap-per-year", clause, c.grantedThisYear() + "/" + max);
	}

	/** §13: the same occupation at the same grade is subsidised once in a lifetime. */
	static Step oncePerOccupationAndGrade(SubsidyCase c) {
		var clause = CLAUSES.get("repeat");
		return c.grantedSameOccupationGrade()
				? Step.deny("repeat", clause, "subsidy.repeat-occupation-grade",
						c.certificate().occupationCode() + " " + c.certificate().grade())
				: Step.pass("repeat", clause, null);
	}

	/**
	 * §13: past the legal retirement age and drawing a pension, no subsidy; past it without one, only where the pack
	 * enables it. The registry does not know pensions: past the age counts as without, unless enabled nothing is paid.
	 */
	static Step retirementAge(SubsidyCase c) {
		var clause = CLAUSES.get("retirement");
		if (c.person().isEmpty() || c.person().get().birthDate() == null) {
			return Step.pass("retirement", clause, "age unknown");
		}
		var retires = RetirementAge.retiresOn(c.person().get().birthDate(), c.person().get().sex());
		if (c.certificate().issuedOn().isBefore(retires)) {
			return Step.pass("retirement", clause, "retires " + retires);
		}
		if (c.person().get().groups().contains("pensioner")) {
			return Step.deny("retirement", clause, "subsidy.retired-with-pension", "retired " + retires);
		}
		return Boolean.TRUE.equals(c.province().parameters().get("retiredWithoutPensionEnabled"))
				? Step.pass("retirement", clause, "retired " + retires + ", enabled by the pack")
				: Step.deny("retirement", clause, "subsidy.retired-not-enabled", "retired " + retires);
	}

	/**
	 * The amount: the catalogue's own standard for the occupation and grade, else the pack's for the certificate type
	 * and grade; plus, on that base, the shortage uplift, the mountain-county uplift and a city's key-field uplift.
	 */
	@SuppressWarnings("unchecked")
	static Step amount(SubsidyCase c) {
		var cert = c.certificate();
		var standards = (Map<String, Object>) c.province().parameters().get("standards");
		BigDecimal base;
		var basis = new StringBuilder();
		if (c.catalogueEntry().isPresent()) {
			base = BigDecimal.valueOf(c.catalogueEntry().get().standardYuan());
			basis.append("目录标准 ").append(base);
		}
		else {
			var byType = standards.get(cert.type());
			var value = byType instanceof Map<?, ?> grades ? grades.get(cert.grade()) : byType;
			if (!(value instanceof Number n)) {
				return Step.deny("amount", c.province().source(), "subsidy.no-standard", cert.type() + " " + cert.grade());
			}
			base = BigDecimal.valueOf(n.longValue());
			basis.append("包标准 ").append(base);
		}
		int uplift = 0;
		if (c.catalogueEntry().map(e -> e.shortage()).orElse(false)) {
			uplift += c.province().intParameter("shortageUpliftPercent", 0);
			basis.append("；紧缺 +").append(c.province().intParameter("shortageUpliftPercent", 0)).append('%');
		}
		if (c.mountainCounty()) {
			uplift += c.province().intParameter("mountainUpliftPercent", 0);
			basis.append("；山区县 +").append(c.province().intParameter("mountainUpliftPercent", 0)).append('%');
		}
		if (c.city().isPresent() && cert.occupationCode() != null) {
			var fields = (Map<String, Object>) c.city().get().parameters().getOrDefault("keyFields", Map.of());
			var field = fields.entrySet().stream().filter(f -> cert.occupationCode().startsWith(f.getKey()))
					.map(f -> String.valueOf(f.getValue())).findFirst();
			if (field.isPresent()) {
				uplift += c.city().get().intParameter("keyFieldUpliftPercent", 0);
				basis.append("；").append(field.get()).append(" +")
						.append(c.city().get().intParameter("keyFieldUpliftPercent", 0)).append('%');
			}
		}
		var amount = base.multiply(BigDecimal.valueOf(100 + uplift)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
		return Step.pass("amount", c.province().source() + c.city().map(p -> "；" + p.source()).orElse(""),
				amount.toPlainString() + "（" + basis + "）");
	}
}
