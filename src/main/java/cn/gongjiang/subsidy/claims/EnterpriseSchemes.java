package cn.gongjiang.subsidy.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.subsidy.decisions.Step;

/**
 * Shaoxing's enterprise and other schemes (SUB-4; 绍兴市实施意见 第6、7、8、10、11、17条), one small rule per scheme
 * naming its clause. A rule checks the evidence the scheme needs and its caps and says what is granted: one
 * entitlement per period (a person-year, a month, or once), each later held by a unique business key.
 */
public final class EnterpriseSchemes {

	private EnterpriseSchemes() {
	}

	/** What a claim earns: its steps and its entitlements (a monthly allowance: its schedule's months). */
	public record Assessment(List<Step> steps, List<Entitlement> entitlements) {

		boolean granted() {
			return steps.stream().allMatch(s -> s.verdict() == Step.Verdict.PASS);
		}

		public Step refusal() {
			return steps.stream().filter(s -> s.verdict() != Step.Verdict.PASS).findFirst().orElse(null);
		}

		Money total() {
			return entitlements.stream().map(Entitlement::amount).reduce(Money.ZERO, Money::plus);
		}
	}

	/** One period of a claim's money: '2026' (a person-year), '2026-03' (a month) or 'once'. */
	record Entitlement(String period, Money amount) {
	}

	/** The evidence each scheme needs, in the order the claim form asks for it. */
	static final Map<String, List<String>> EVIDENCE = Map.of(
			"DIRECTED_TRAINING", List.of("idNumber", "name", "agreementNumber", "year"),
			"APPRENTICESHIP", List.of("idNumber", "name", "contractNumber", "year", "amount"),
			"TECHNICIAN_ALLOWANCE", List.of("idNumber", "name", "certificateNumber", "firstMonth", "months"),
			"PROJECT_HIRE", List.of("idNumber", "name", "certificateNumber", "projectName", "hiredOn"),
			"PARTNER_SCHOOL", List.of("idNumber", "name", "classLevel", "year"),
			"PARTNER_RETENTION", List.of("idNumber", "name", "yearsStudied", "insuranceMonths", "contractYears"),
			"TRAINING_BASE", List.of("baseName", "designation"),
			"OVERSEAS_TRAINING", List.of("idNumber", "name", "destination", "days", "amount"),
			"STUDY_TOUR", List.of("idNumber", "name", "inProvince", "amount"));

	static final Map<String, Function<ClaimCase, Assessment>> RULES = Map.of("DIRECTED_TRAINING",
			EnterpriseSchemes::directedTraining, "APPRENTICESHIP", EnterpriseSchemes::apprenticeship,
			"TECHNICIAN_ALLOWANCE", EnterpriseSchemes::technicianAllowance, "PROJECT_HIRE", EnterpriseSchemes::projectHire,
			"PARTNER_SCHOOL", EnterpriseSchemes::partnerSchool, "PARTNER_RETENTION", EnterpriseSchemes::partnerRetention,
			"TRAINING_BASE", EnterpriseSchemes::trainingBase, "OVERSEAS_TRAINING", EnterpriseSchemes::overseasTraining,
			"STUDY_TOUR", EnterpriseSchemes::studyTour);

	static Assessment assess(ClaimCase c) {
		var evidence = evidence(c);
		if (evidence.verdict() != Step.Verdict.PASS) {
			return new Assessment(List.of(evidence), List.of());
		}
		var assessed = RULES.get(c.scheme()).apply(c);
		var steps = new ArrayList<Step>();
		steps.add(evidence);
		steps.addAll(assessed.steps());
		return new Assessment(steps, assessed.granted() ? assessed.entitlements() : List.of());
	}

	/** Every scheme: the evidence it needs is there, and the person it names is a registered person. */
	static Step evidence(ClaimCase c) {
		var byHire = c.evidence("placementId") != null;
		var missing = EVIDENCE.get(c.scheme()).stream().filter(e -> c.evidence(e) == null)
				.filter(e -> !(byHire && e.equals("idNumber"))).toList();
		if (!missing.isEmpty()) {
			return Step.deny("evidence", c.clause(), "subsidy.claim.evidence-missing", "subsidy.claim.evidence-missing",
					String.join(", ", missing));
		}
		if (EVIDENCE.get(c.scheme()).contains("idNumber") && c.person().isEmpty()) {
			return Step.deny("evidence", c.clause(), "subsidy.claim.person-unknown");
		}
		if (c.person().isPresent() && !c.person().get().name().equals(c.evidence("name"))) {
			return Step.deny("evidence", c.clause(), "subsidy.claim.name-mismatch");
		}
		if (byHire) {
			return Step.pass("evidence", c.clause(), "subsidy.step.claim.evidence-hire", c.evidence("placementId"));
		}
		return Step.pass("evidence", c.clause(), c.person().isPresent() ? "subsidy.step.claim.evidence-person"
				: "subsidy.step.claim.evidence");
	}

	/** 第11条: directed training (订单班定向培养), 5,000 per person-year to the enterprise, at most 2 years. */
	static Assessment directedTraining(ClaimCase c) {
		return perPersonYear(c, BigDecimal.valueOf(c.intParameter("perPersonYear")), enterprise(c));
	}

	/**
	 * 第11条: new apprenticeship (企业新型学徒制), up to 6,000 per person-year as claimed, at most 2 years. Apprentices
	 * are the enterprise's own workers (X-1: no claim for someone else's), unlike directed training's students.
	 */
	static Assessment apprenticeship(ClaimCase c) {
		var cap = BigDecimal.valueOf(c.intParameter("perPersonYear"));
		var overCap = overCap(c, cap);
		if (overCap != null) {
			return denied(overCap);
		}
		return perPersonYear(c, money(c.evidence("amount")), enterprise(c), employedByClaimant(c));
	}

	/**
	 * 第17条: a post allowance (岗位津贴) of 500 a month for a technician (技师) and 1,000 for a senior technician (高级
	 * 技师) and above, for at most 36 months, while the holder works for the claiming enterprise in a manufacturing field.
	 */
	static Assessment technicianAllowance(ClaimCase c) {
		var steps = new ArrayList<Step>();
		steps.add(enterprise(c));
		@SuppressWarnings("unchecked")
		var fields = (List<String>) c.parameters().get("manufacturingFields");
		steps.add(c.claimant().industryField() != null && fields.contains(c.claimant().industryField())
				? Step.pass("manufacturing", c.clause(), "subsidy.step.claim.manufacturing")
				: Step.deny("manufacturing", c.clause(), "subsidy.claim.not-manufacturing"));
		steps.add(employedByClaimant(c));
		var grade = c.certificate().map(x -> x.grade()).orElse(null);
		// 004 第17条: 技师 500, "高级技师及以上" 1,000 (特级技师 and 首席技师 included)
		var monthly = SkillGrade.atLeast(grade, SkillGrade.SENIOR_TECHNICIAN) ? c.intParameter("seniorMonthly")
				: SkillGrade.atLeast(grade, SkillGrade.TECHNICIAN) ? c.intParameter("technicianMonthly") : 0;
		steps.add(heldCertificate(c, monthly > 0, "subsidy.step.claim.grade.technician"));
		YearMonth first;
		int months;
		try {
			first = YearMonth.parse(c.evidence("firstMonth"));
			months = Integer.parseInt(c.evidence("months"));
		}
		catch (RuntimeException e) {
			steps.add(Step.deny("schedule", c.clause(), "subsidy.claim.evidence-format",
					"subsidy.step.claim.schedule-format"));
			return new Assessment(steps, List.of());
		}
		var max = c.intParameter("maxMonths");
		var held = c.grantedPeriods().size();
		if (months < 1 || held + months > max) {
			steps.add(Step.deny("cap", c.clause(), "subsidy.claim.over-cap", "subsidy.step.claim.months-over-cap", held,
					months, max));
			return new Assessment(steps, List.of());
		}
		var entitlements = new ArrayList<Entitlement>();
		for (int m = 0; m < months; m++) {
			var month = first.plusMonths(m).toString();
			if (c.grantedPeriods().contains(month)) {
				steps.add(periodHeld(c.clause(), month));
				return new Assessment(steps, List.of());
			}
			entitlements.add(new Entitlement(month, Money.yuan(monthly)));
		}
		var total = BigDecimal.valueOf((long) monthly * months);
		steps.add(Step.grant("amount", c.clause(), Money.of(total), "subsidy.step.claim.amount.monthly", monthly, months,
				first.toString(), total));
		return new Assessment(steps, entitlements);
	}

	/** 第8条: 500 once per intermediate-or-higher skilled worker hired into a provincial major project's first phase. */
	static Assessment projectHire(ClaimCase c) {
		var steps = new ArrayList<Step>(List.of(enterprise(c), employedByClaimant(c),
				heldCertificate(c, c.certificate().map(x -> SkillGrade.atLeast(x.grade(), SkillGrade.INTERMEDIATE))
						.orElse(false), "subsidy.step.claim.grade.intermediate")));
		return once(c, steps, BigDecimal.valueOf(c.intParameter("perPerson")));
	}

	/**
	 * 第10条: to a technical school for an out-of-province partner student's internship year: up to 2,000 in a senior
	 * worker class (高级工班), 3,000 in a technician class (技师班), per student-year.
	 */
	static Assessment partnerSchool(ClaimCase c) {
		var level = c.evidence("classLevel");
		var amount = switch (level) {
			case "高级工班", "senior" -> c.intParameter("seniorClass");
			case "技师班", "technician" -> c.intParameter("technicianClass");
			default -> 0;
		};
		if (amount == 0) {
			return denied(school(c), Step.deny("class", c.clause(), "subsidy.claim.evidence-format",
					"subsidy.step.claim.class-level"));
		}
		return perPersonYear(c, BigDecimal.valueOf(amount), school(c));
	}

	/**
	 * 第10条: 2,000 per year studied to the school when its partner graduate stays in Shaoxing: at least 6 months of
	 * social insurance and a contract of a year or more. Once per graduate.
	 */
	static Assessment partnerRetention(ClaimCase c) {
		var steps = new ArrayList<Step>(List.of(school(c)));
		int years, insurance, contract;
		try {
			years = Integer.parseInt(c.evidence("yearsStudied"));
			insurance = Integer.parseInt(c.evidence("insuranceMonths"));
			contract = Integer.parseInt(c.evidence("contractYears"));
		}
		catch (NumberFormatException e) {
			steps.add(Step.deny("stays", c.clause(), "subsidy.claim.evidence-format", "subsidy.step.claim.stays-format"));
			return new Assessment(steps, List.of());
		}
		var minInsurance = c.intParameter("minInsuranceMonths");
		var minContract = c.intParameter("minContractYears");
		var stays = insurance >= minInsurance && contract >= minContract;
		steps.add(stays ? Step.pass("stays", c.clause(), "subsidy.step.claim.stays", insurance, contract)
				: Step.deny("stays", c.clause(), "subsidy.claim.not-stayed", "subsidy.step.claim.not-stayed", insurance,
						contract, minInsurance, minContract));
		if (years < 1 || years > 6) {
			steps.add(Step.deny("stays", c.clause(), "subsidy.claim.evidence-format", "subsidy.step.claim.years-studied",
					years));
		}
		return once(c, steps, BigDecimal.valueOf((long) c.intParameter("perYearStudied") * Math.max(0, years)));
	}

	/** 第6条: 500,000 once to an organisation whose base is designated a city public training base (市级公共实训基地). */
	static Assessment trainingBase(ClaimCase c) {
		return once(c, new ArrayList<>(List.of(Step.pass("claimant", c.clause(), "subsidy.step.claim.training-base"))),
				BigDecimal.valueOf(c.intParameter("once")));
	}

	/** 第7条: overseas training (国（境）外培训) of at most a month and at most 50,000 per person. */
	static Assessment overseasTraining(ClaimCase c) {
		int days;
		try {
			days = Integer.parseInt(c.evidence("days"));
		}
		catch (NumberFormatException e) {
			return denied(Step.deny("duration", c.clause(), "subsidy.claim.evidence-format",
					"subsidy.step.claim.days-format"));
		}
		var max = c.intParameter("maxDays");
		if (days < 1 || days > max) {
			return denied(Step.deny("duration", c.clause(), "subsidy.claim.over-cap", "subsidy.step.claim.days-over-cap",
					days, max));
		}
		return capped(c, BigDecimal.valueOf(c.intParameter("maxPerPerson")),
				Step.pass("duration", c.clause(), "subsidy.step.claim.days", days, max));
	}

	/** 第7条: study tours (研修) up to 10,000 per person in the province, 20,000 outside it. */
	static Assessment studyTour(ClaimCase c) {
		var inProvince = Set.of("是", "true", "yes", "省内").contains(c.evidence("inProvince"));
		var cap = BigDecimal.valueOf(c.intParameter(inProvince ? "maxInProvince" : "maxOutside"));
		return capped(c, cap, Step.pass("place", c.clause(),
				inProvince ? "subsidy.step.claim.in-province" : "subsidy.step.claim.outside-province"));
	}

	/**
	 * The caps the rules above hold one person (or, for what is paid once to an organisation, one claimant) to under
	 * a scheme, read from the pack's parameters: how many periods it pays at most (null: no such cap; a scheme paid
	 * 'once' is held to it by its business key) and the most one period pays. SUP-3 reads granted claims against them.
	 */
	public record Caps(Integer periods, Money perPeriod) {
	}

	public static Caps caps(String scheme, Map<String, Object> p) {
		var caps = decimalCaps(scheme, p);
		return new Caps(caps.periods(), caps.perPeriod() == null ? null : Money.of(caps.perPeriod()));
	}

	private record DecimalCaps(Integer periods, BigDecimal perPeriod) {
	}

	private static DecimalCaps decimalCaps(String scheme, Map<String, Object> p) {
		return switch (scheme) {
			case "DIRECTED_TRAINING", "APPRENTICESHIP" -> new DecimalCaps(number(p, "maxYears"), amount(p, "perPersonYear"));
			case "TECHNICIAN_ALLOWANCE" -> new DecimalCaps(number(p, "maxMonths"), amount(p, "seniorMonthly"));
			case "PROJECT_HIRE" -> new DecimalCaps(null, amount(p, "perPerson"));
			case "PARTNER_SCHOOL" -> new DecimalCaps(null, larger(amount(p, "seniorClass"), amount(p, "technicianClass")));
			// six years studied at most (partnerRetention)
			case "PARTNER_RETENTION" -> new DecimalCaps(null, amount(p, "perYearStudied") == null ? null
					: amount(p, "perYearStudied").multiply(BigDecimal.valueOf(6)));
			case "TRAINING_BASE" -> new DecimalCaps(null, amount(p, "once"));
			case "OVERSEAS_TRAINING" -> new DecimalCaps(null, amount(p, "maxPerPerson"));
			case "STUDY_TOUR" -> new DecimalCaps(null, larger(amount(p, "maxInProvince"), amount(p, "maxOutside")));
			default -> new DecimalCaps(null, null);
		};
	}

	private static Integer number(Map<String, Object> p, String name) {
		return p.get(name) instanceof Number n ? n.intValue() : null;
	}

	private static BigDecimal amount(Map<String, Object> p, String name) {
		return p.get(name) instanceof Number n ? new BigDecimal(n.toString()) : null;
	}

	private static BigDecimal larger(BigDecimal a, BigDecimal b) {
		return a == null ? b : b == null ? a : a.max(b);
	}

	// --- the pieces the schemes share

	private static Assessment perPersonYear(ClaimCase c, BigDecimal amount, Step... eligibility) {
		var steps = new ArrayList<Step>(List.of(eligibility));
		if (steps.stream().anyMatch(s -> s.verdict() != Step.Verdict.PASS)) {
			return new Assessment(steps, List.of());
		}
		var year = c.evidence("year");
		if (year == null || !year.matches("\\d{4}")) {
			steps.add(Step.deny("year", c.clause(), "subsidy.claim.evidence-format", "subsidy.step.claim.year-format"));
			return new Assessment(steps, List.of());
		}
		if (c.grantedPeriods().contains(year)) {
			steps.add(periodHeld(c.clause(), year));
			return new Assessment(steps, List.of());
		}
		// partner-school internships run as long as the student studies: no cap on years
		var maxYears = c.parameters().containsKey("maxYears") ? c.intParameter("maxYears") : Integer.MAX_VALUE;
		if (c.grantedPeriods().size() >= maxYears) {
			steps.add(Step.deny("cap", c.clause(), "subsidy.claim.over-cap", "subsidy.step.claim.years-over-cap",
					c.grantedPeriods().size(), maxYears));
			return new Assessment(steps, List.of());
		}
		steps.add(Step.grant("amount", c.clause(), Money.of(amount), "subsidy.step.claim.amount.year", amount, year));
		return new Assessment(steps, List.of(new Entitlement(year, Money.of(amount))));
	}

	private static Assessment once(ClaimCase c, List<Step> steps, BigDecimal amount) {
		if (steps.stream().anyMatch(s -> s.verdict() != Step.Verdict.PASS)) {
			return new Assessment(steps, List.of());
		}
		if (!c.grantedPeriods().isEmpty()) {
			steps.add(periodHeld(c.clause(), "once"));
			return new Assessment(steps, List.of());
		}
		steps.add(Step.grant("amount", c.clause(), Money.of(amount), "subsidy.step.claim.amount.once", amount));
		return new Assessment(steps, List.of(new Entitlement("once", Money.of(amount))));
	}

	/** An amount as claimed up to a cap, once per person a year. */
	private static Assessment capped(ClaimCase c, BigDecimal cap, Step first) {
		var steps = new ArrayList<Step>(List.of(first));
		var overCap = overCap(c, cap);
		if (overCap != null) {
			steps.add(overCap);
			return new Assessment(steps, List.of());
		}
		var claimed = money(c.evidence("amount"));
		var year = String.valueOf(c.today().getYear());
		if (c.grantedPeriods().contains(year)) {
			steps.add(periodHeld(c.clause(), year));
			return new Assessment(steps, List.of());
		}
		steps.add(Step.grant("amount", c.clause(), Money.of(claimed), "subsidy.step.claim.amount.capped", claimed, cap));
		return new Assessment(steps, List.of(new Entitlement(year, Money.of(claimed))));
	}

	/** The refusal of a period already held or claimed: a year ('2026'), a month ('2026-03') or 'once'. */
	static Step periodHeld(String clause, String period) {
		if (period.equals("once")) {
			return Step.deny("cap", clause, "subsidy.claim.period-held", "subsidy.step.claim.once-held");
		}
		return Step.deny("cap", clause, "subsidy.claim.period-held",
				period.length() == 4 ? "subsidy.step.claim.year-held" : "subsidy.step.claim.month-held", period);
	}

	/** The refusal of an amount claimed that is no amount or more than the cap; null when it fits. */
	private static Step overCap(ClaimCase c, BigDecimal cap) {
		var claimed = money(c.evidence("amount"));
		if (claimed == null || claimed.signum() <= 0) {
			return Step.deny("cap", c.clause(), "subsidy.claim.over-cap", "subsidy.step.claim.amount-invalid");
		}
		return claimed.compareTo(cap) > 0
				? Step.deny("cap", c.clause(), "subsidy.claim.over-cap", "subsidy.step.claim.amount-over-cap", claimed, cap)
				: null;
	}

	private static Step enterprise(ClaimCase c) {
		return c.claimant().kind().equals("ENTERPRISE") ? Step.pass("claimant", c.clause(), "subsidy.step.claim.enterprise")
				: Step.deny("claimant", c.clause(), "subsidy.claim.wrong-claimant");
	}

	private static Step school(ClaimCase c) {
		return c.claimant().school() ? Step.pass("claimant", c.clause(), "subsidy.step.claim.school")
				: Step.deny("claimant", c.clause(), "subsidy.claim.wrong-claimant");
	}

	private static Step employedByClaimant(ClaimCase c) {
		var employer = c.person().map(p -> p.employerCreditCode()).orElse(null);
		return c.claimant().code().equals(employer) ? Step.pass("employed", c.clause(), "subsidy.step.claim.employed")
				: Step.deny("employed", c.clause(), "subsidy.claim.not-employed");
	}

	/** The certificate the evidence names is valid and the person's, at a grade the scheme pays ({@code grades}). */
	private static Step heldCertificate(ClaimCase c, boolean gradeFits, String grades) {
		var number = c.evidence("certificateNumber");
		if (c.certificate().isEmpty() || c.person().isEmpty()
				|| !c.certificate().get().holderIndex().equals(c.person().get().idNumberIndex())) {
			return Step.deny("certificate", c.clause(), "subsidy.claim.certificate-not-held",
					"subsidy.claim.certificate-not-held", number == null ? "" : number);
		}
		return gradeFits ? Step.pass("certificate", c.clause(), "subsidy.step.claim.certificate", c.certificate().get().number())
				: Step.deny("certificate", c.clause(), "subsidy.claim.grade", grades);
	}

	private static Assessment denied(Step... steps) {
		return new Assessment(List.of(steps), List.of());
	}

	/** An amount claimed, in yuan to the fen; none when it is no such amount (finer than a fen included). */
	private static BigDecimal money(String value) {
		try {
			var amount = value == null ? null : new BigDecimal(value.replace(",", ""));
			return amount == null || amount.stripTrailingZeros().scale() > 2 ? null : amount;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	static LocalDate firstDay(String month) {
		return YearMonth.parse(month).atDay(1);
	}
}
