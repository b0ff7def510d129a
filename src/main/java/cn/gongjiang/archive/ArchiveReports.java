package cn.gongjiang.archive;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.gongjiang.enrolment.RegistrationStatusChanged;
import cn.gongjiang.recruitment.ApplicationMade;
import cn.gongjiang.recruitment.PlacementRecorded;
import cn.gongjiang.subsidy.SubsidyOutcomesRecorded;
import cn.gongjiang.training.GradeRecognised;
import cn.gongjiang.training.TrainingStepRecorded;
import cn.gongjiang.training.TrainingStepsRecorded;
import cn.gongjiang.training.VoucherRedeemed;
import cn.gongjiang.training.VouchersIssued;

/**
 * What other modules report of a person becomes lines of their archive (REG-4): each listener turns its module's
 * event into the kind and the values stored, the same values those modules wrote into the registry's table before the
 * archive was a module of its own. Through the JDBC event publication registry, so a line survives a crash between
 * the publisher's commit and this one; the publishing module never writes this schema.
 */
@Component
class ArchiveReports {

	private final ArchiveLines lines;

	ArchiveReports(ArchiveLines lines) {
		this.lines = lines;
	}

	@ApplicationModuleListener
	void on(TrainingStepRecorded step) {
		var detail = values("step", step.step(), "class", step.classId(), "provider", step.providerName(),
				"occupation", step.occupationCode(), "grade", step.grade(), "detail", step.detail());
		lines.add(new ArchiveLines.Line(step.personId(), step.on(), "TRAINING", detail, "training"));
	}

	/** A class's enrolment file or its completion: one event and one {@code COPY} for all its trainees. */
	@ApplicationModuleListener
	void on(TrainingStepsRecorded steps) {
		lines.addAll(steps.trainees().stream().map(t -> new ArchiveLines.Line(t.personId(), steps.on(), "TRAINING",
				values("step", t.step(), "class", steps.classId(), "provider", steps.providerName(), "occupation",
						steps.occupationCode(), "grade", steps.grade(), "detail", t.detail()), "training")).toList());
	}

	@ApplicationModuleListener
	void on(VouchersIssued issued) {
		var detail = values("step", "ISSUED", "occupation", issued.occupationCode(), "grade", issued.grade(),
				"validUntil", issued.validUntil() == null ? null : issued.validUntil().toString());
		lines.addAll(issued.personIds().stream()
				.map(person -> new ArchiveLines.Line(person, issued.on(), "VOUCHER", detail, "training")).toList());
	}

	@ApplicationModuleListener
	void on(VoucherRedeemed redeemed) {
		var detail = values("step", "REDEEMED", "occupation", redeemed.occupationCode(), "grade", redeemed.grade(),
				"provider", redeemed.providerName());
		lines.add(new ArchiveLines.Line(redeemed.personId(), redeemed.on(), "VOUCHER", detail, "training"));
	}

	@ApplicationModuleListener
	void on(GradeRecognised recognised) {
		var detail = values("grade", recognised.grade(), "occupation", recognised.occupationCode(), "basis",
				recognised.basis(), "reason", recognised.reason(), "enterprise", recognised.enterpriseName());
		lines.add(new ArchiveLines.Line(recognised.personId(), recognised.on(), "GRADE", detail,
				"enterprise:" + recognised.enterpriseCreditCode()));
	}

	/** A chunk of the bulk decision is one event and one {@code COPY}, not a statement per certificate. */
	@ApplicationModuleListener
	void on(SubsidyOutcomesRecorded recorded) {
		lines.addAll(recorded.outcomes().stream().map(o -> new ArchiveLines.Line(o.personId(), o.on(), "SUBSIDY",
				values("certificate", o.certificate(), "scheme", o.scheme(), "outcome", o.outcome(), "amount",
						o.amount(), "reason", o.reason(), "reasonArguments",
						o.reasonArguments() == null || o.reasonArguments().isEmpty() ? null : o.reasonArguments()),
				"subsidy")).toList());
	}

	@ApplicationModuleListener
	void on(RegistrationStatusChanged changed) {
		var detail = values("status", changed.status(), "school", changed.schoolName(), "specialty",
				changed.specialtyCode(), "intake", changed.intakeYear() + " " + changed.intakeSeason(), "reason",
				changed.reason());
		lines.add(new ArchiveLines.Line(changed.personId(), changed.on(), "ENROLMENT", detail, "enrolment"));
	}

	@ApplicationModuleListener
	void on(ApplicationMade made) {
		var detail = values("enterprise", made.enterpriseCode(), "job", made.jobTitle(), "occupation",
				made.occupationCode(), "origin", made.origin());
		lines.add(new ArchiveLines.Line(made.personId(), made.on(), "APPLICATION", detail, "recruitment"));
	}

	@ApplicationModuleListener
	void on(PlacementRecorded placed) {
		if (placed.recordedOn() == null) {
			return; // published before the archive was a module: recruitment wrote its line then, it came over in V1
		}
		var detail = values("enterprise", placed.enterpriseCode(), "job", placed.jobTitle(), "occupation",
				placed.occupationCode(), "startsOn", placed.startsOn() == null ? null : placed.startsOn().toString(),
				"contractMonths", placed.contractMonths(), "origin", placed.origin());
		lines.add(new ArchiveLines.Line(placed.personId(), placed.recordedOn(), "PLACEMENT", detail, "recruitment"));
	}

	/** Name-value pairs in order, absent values left out (as the modules stored them). */
	private static Map<String, Object> values(Object... pairs) {
		var detail = new LinkedHashMap<String, Object>();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				detail.put((String) pairs[i], pairs[i + 1]);
			}
		}
		return detail;
	}
}
