package cn.gongjiang.subsidy.decisions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.gongjiang.shared.Money;

/**
 * The training subsidy for persons (SUB-1; 浙人社发〔2022〕32号 §13; Shaoxing 三、（二）4), one small rule per clause, in
 * the order the policy reads. The first rule that denies ends the decision; the amount rule runs last.
 */
public final class TrainingSubsidyRules {

	public static final String SCHEME = "TRAINING";
	static final Set<String> TYPES = Set.of("vocational-qualification", "skill-level", "special-ability",
			"training-completion");

	/** The clause each rule applies (the amount's is the packs' own source); what it checks is the rule's name. */
	static final Map<String, String> CLAUSES = Map.of(
			"qualifying-certificate", "浙人社发〔2022〕32号 §13",
			"place", "浙人社发〔2022〕32号 §13",
			"cap-per-year", "浙人社发〔2022〕32号 §13",
			"repeat", "浙人社发〔2022〕32号 §13",
			"retirement", "浙人社发〔2022〕32号 §13");

	private TrainingSubsidyRules() {
	}

	/** The pack switch of 各地可: whether the region includes those past retirement age who draw no pension. */
	static final String RETIRED_WITHOUT_PENSION = "retiredWithoutPensionEnabled";

	/** The steps of one case; the last is the amount when every rule passed. */
	public static List<Step> decide(SubsidyCase c) {
		var steps = new ArrayList<Step>();
		for (var rule : List.<Function<SubsidyCase, Step>>of(TrainingSubsidyRules::qualifyingCertificate,
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

	/** §13: one of the four certificate types, and a completed training the platform knows behind it. */
	static Step qualifyingCertificate(SubsidyCase c) {
		var rule = "qualifying-certificate";
		var clause = CLAUSES.get(rule);
		if (!TYPES.contains(c.certificate().type())) {
			return Step.deny(rule, clause, "subsidy.certificate-type");
		}
		if (c.training().isEmpty()) {
			return Step.deny(rule, clause, "subsidy.no-completed-training");
		}
		var enrolment = String.valueOf(c.training().get().enrolmentId());
		if (!c.training().get().holderIndex().equals(c.certificate().holderIndex())) {
			return Step.deny(rule, clause, "subsidy.no-completed-training", "subsidy.step.training.another-person",
					enrolment);
		}
		if (!c.training().get().completed()) {
			return Step.deny(rule, clause, "subsidy.no-completed-training", "subsidy.step.training.not-completed",
					enrolment);
		}
		return Step.pass(rule, clause, "subsidy.step.training.completed", enrolment);
	}

	/** §13: hukou, residence, training, or work in the province; the training is the platform's, so in Zhejiang. */
	static Step placeInProvince(SubsidyCase c) {
		var clause = CLAUSES.get("place");
		var countyPath = c.training().map(t -> t.countyPath()).orElse(null);
		if (countyPath != null && countyPath.startsWith("/330000/")) {
			return Step.pass("place", clause, "subsidy.step.place.training");
		}
		return c.person().map(p -> inProvince(p.hukouPath()) || inProvince(p.residencePath())).orElse(false)
				? Step.pass("place", clause, "subsidy.step.place.person")
				: Step.deny("place", clause, "subsidy.not-eligible-place");
	}

	private static boolean inProvince(String path) {
		return path != null && path.startsWith("/330000/");
	}

	/** §13: at most three subsidised trainings per person in the calendar year of issue. */
	static Step threePerYear(SubsidyCase c) {
		var clause = CLAUSES.get("cap-per-year");
		var max = c.province().intParameter("maxPerYear", 3);
		return c.grantedThisYear() >= max
				? Step.deny("cap-per-year", clause, "subsidy.cap-per-year", "subsidy.step.cap.reached",
						c.grantedThisYear(), max)
				: Step.pass("cap-per-year", clause, "subsidy.step.cap.within", c.grantedThisYear(), max);
	}

	/** §13: the same occupation at the same grade is subsidised once in a lifetime. */
	static Step oncePerOccupationAndGrade(SubsidyCase c) {
		var clause = CLAUSES.get("repeat");
		return c.grantedSameOccupationGrade() ? Step.deny("repeat", clause, "subsidy.repeat-occupation-grade")
				: Step.pass("repeat", clause, "subsidy.step.repeat.first");
	}

	/**
	 * §13: past the legal retirement age and drawing a pension, no subsidy; past it without one, only where the city's
	 * pack (else the province's) enables it ("各地可"), and only once the registry records that the person draws none.
	 */
	static Step retirementAge(SubsidyCase c) {
		var clause = CLAUSES.get("retirement");
		if (c.person().isEmpty() || c.person().get().birthDate() == null) {
			return Step.pass("retirement", clause, "subsidy.step.retirement.unknown");
		}
		var retires = RetirementAge.retiresOn(c.person().get().birthDate(), c.person().get().sex());
		var on = retires.toString();
		if (c.certificate().issuedOn().isBefore(retires)) {
			return Step.pass("retirement", clause, "subsidy.step.retirement.before", on);
		}
		var person = c.person().get();
		if (person.drawsPension()) {
			return Step.deny("retirement", clause, "subsidy.retired-with-pension", "subsidy.step.retirement.pension", on);
		}
		var switchOn = c.city().filter(p -> p.parameters().containsKey(RETIRED_WITHOUT_PENSION)).orElse(c.province())
				.parameters().get(RETIRED_WITHOUT_PENSION);
		if (!Boolean.TRUE.equals(switchOn)) {
			return Step.deny("retirement", clause, "subsidy.retired-not-enabled", "subsidy.step.retirement.not-enabled", on);
		}
		return person.drawsNoPension() ? Step.pass("retirement", clause, "subsidy.step.retirement.enabled", on)
				: Step.deny("retirement", clause, "subsidy.pension-unknown", "subsidy.step.retirement.pension-unknown", on);
	}

	/**
	 * The certificate types the catalogue's standards are for: it prices training for an occupation at a grade
	 * (职业技能培训补贴目录), which is what a skill-level or qualification certificate attests. A special-ability
	 * certificate (专项职业能力) or a training-completion one (培训合格证书) is paid at the pack's standard for its type,
	 * whatever the occupation: 300 for a training-completion certificate, not the 2,250 of a skill grade.
	 */
	static final Set<String> BY_OCCUPATION_AND_GRADE = Set.of("skill-level", "vocational-qualification");

	/**
	 * The amount: the catalogue's own standard for the occupation and grade (for the types it prices), else the
	 * pack's for the certificate type and grade; plus, on that base, the shortage uplift, the mountain-county uplift and a city's key-field uplift.
	 * Its sentence takes the amount, the base, each uplift in percent (0 when none) and the key field's name.
	 */
	@SuppressWarnings("unchecked")
	static Step amount(SubsidyCase c) {
		var cert = c.certificate();
		var standards = (Map<String, Object>) c.province().parameters().get("standards");
		Money base;
		String reason;
		if (c.catalogueEntry().isPresent() && BY_OCCUPATION_AND_GRADE.contains(cert.type())) {
			base = Money.yuan(c.catalogueEntry().get().standardYuan());
			reason = "subsidy.step.amount.catalogue";
		}
		else {
			var byType = standards.get(cert.type());
			var value = byType instanceof Map<?, ?> grades ? grades.get(cert.grade()) : byType;
			if (!(value instanceof Number n)) {
				return Step.deny("amount", c.province().source(), "subsidy.no-standard");
			}
			base = Money.yuan(n.longValue());
			reason = "subsidy.step.amount.standard";
		}
		var shortage = c.catalogueEntry().map(e -> e.shortage()).orElse(false)
				? c.province().intParameter("shortageUpliftPercent", 0) : 0;
		var mountain = c.mountainCounty() ? c.province().intParameter("mountainUpliftPercent", 0) : 0;
		var keyField = 0;
		var fieldName = "";
		if (c.city().isPresent() && cert.occupationCode() != null) {
			var fields = (Map<String, Object>) c.city().get().parameters().getOrDefault("keyFields", Map.of());
			// the most detailed group that holds the occupation names its field: 6-12-03 before 6-12
			var field = fields.entrySet().stream().filter(f -> cert.occupationCode().startsWith(f.getKey()))
					.max(Comparator.comparingInt(f -> f.getKey().length()))
					.map(f -> String.valueOf(f.getValue()));
			if (field.isPresent()) {
				keyField = c.city().get().intParameter("keyFieldUpliftPercent", 0);
				fieldName = field.get();
			}
		}
		var amount = base.percentToYuan(100 + shortage + mountain + keyField);
		// the sentence's arguments are plain numbers, as the messages format them (2,250)
		return Step.grant("amount", c.province().source() + c.city().map(p -> "；" + p.source()).orElse(""), amount,
				reason, amount.json(), base.json(), shortage, mountain, keyField, fieldName);
	}
}
