package cn.gongjiang.audit.web;

import java.util.List;

/**
 * The actions the platform writes to the log, grouped as the auditor looks for them; each is named in the audit
 * bundle ({@code audit.action.<code>}), each group filters by its prefix. An action not listed here still shows,
 * by its code.
 */
final class AuditActions {

	record Group(String prefix, List<String> actions) {

		/** The group's name in the bundle: {@code audit.group.training}; the sign-in group has no prefix. */
		public String key() {
			return "audit.group." + (prefix.isEmpty() ? "sign-in" : prefix.substring(0, prefix.length() - 1));
		}
	}

	static final List<Group> GROUPS = List.of(
			new Group("", List.of("login", "totp.enrol", "access.denied", "access.not-found")),
			new Group("account.", List.of("account.create", "account.list", "account.role.change", "account.unlock",
					"account.enable", "account.disable", "account.totp.reset", "account.password.reset",
					"account.password.change")),
			new Group("audit.", List.of("audit.search", "audit.view", "audit.verify", "audit.export")),
			new Group("import.", List.of("import.submit", "import.error-report")),
			new Group("person.", List.of("person.register", "person.created", "person.updated", "person.unmask",
					"person.payees", "person.export", "person.act", "person.pension")),
			new Group("enterprise.", List.of("enterprise.register")),
			new Group("provider.", List.of("provider.register", "provider.rate", "provider.status")),
			new Group("region.", List.of("region.mountain-county.change")),
			new Group("training.", List.of("training.demand.submit", "training.demand.close", "training.order.place",
					"training.order.accept", "training.order.attach", "training.order.cancel", "training.class.open", "training.class.edit",
					"training.enrol", "training.attendance", "training.class.complete", "training.results",
					"training.recognition", "training.voucher.issue", "training.voucher.issue-group",
					"training.catalogue.add", "training.key-rule", "training.export.key-enterprises",
					"training.export.labour-demand", "training.export.training-orders")),
			new Group("certificate.", List.of("certificate.issue", "certificate.revoke",
					"certificate.evaluator.file", "certificate.evaluator.withdraw")),
			new Group("subsidy.", List.of("subsidy.claim.submit", "subsidy.claim.document.attach",
					"subsidy.claim.document.download", "subsidy.claim.review", "subsidy.claim.decide",
					"subsidy.decide-all", "subsidy.override", "subsidy.hold.release", "subsidy.hold.refuse", "subsidy.budget", "subsidy.batch.open",
					"subsidy.batch.approve", "subsidy.batch.bank-file", "subsidy.pack.draft", "subsidy.pack.publish",
					"subsidy.simulate", "subsidy.pack.compare", "subsidy.decisions.export")),
			new Group("enrolment.", List.of("enrolment.school.affiliation", "enrolment.specialty.file",
					"enrolment.plan.draft", "enrolment.plan.issue", "enrolment.plan.issued", "enrolment.plan.file",
					"enrolment.plan.filed", "enrolment.plan.revise", "enrolment.plan.revision.decide",
					"enrolment.plan.revision.approve", "enrolment.plan.revision.reject", "enrolment.register",
					"enrolment.registration.withdrawn", "enrolment.registration.transferred",
					"enrolment.registration.graduated", "enrolment.agreement", "enrolment.duplicates.find",
					"enrolment.duplicate.dismiss", "enrolment.duplicate.withdraw")),
			new Group("targets.", List.of("targets.return.submit", "targets.return.approve", "targets.return.send-back",
					"targets.milestone.complete", "targets.milestone.reopen", "targets.report.save", "targets.report.read",
					"targets.report.submit", "targets.report.write", "targets.rollups.rebuild")),
			new Group("supervision.", List.of("supervision.draw", "supervision.finding", "supervision.publish",
					"supervision.audit-export", "supervision.signal.review")),
			new Group("recruitment.", List.of("recruitment.job.post", "recruitment.job.edit", "recruitment.job.open",
					"recruitment.job.close", "recruitment.seeker.register", "recruitment.application.applied",
					"recruitment.application.invited", "recruitment.application.at_event",
					"recruitment.application.interviewed", "recruitment.application.offered",
					"recruitment.application.rejected", "recruitment.application.declined",
					"recruitment.application.withdrawn", "recruitment.hire", "recruitment.event.plan",
					"recruitment.event.held", "recruitment.event.cancelled")),
			new Group("analytics.", List.of("analytics.rebuild", "analytics.employment.record", "analytics.band.set",
					"analytics.site.add", "analytics.site.close", "analytics.travel.set", "analytics.trip.record")));

	private AuditActions() {
	}
}
