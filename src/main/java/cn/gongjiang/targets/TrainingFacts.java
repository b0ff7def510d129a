package cn.gongjiang.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.gongjiang.registry.Enterprise;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.training.TrainingCompleted;
import cn.gongjiang.training.TrainingsCompleted;

/**
 * What a completed training counts towards, on the day the class completed, at the order's county (else the
 * provider's): order-based training person-times (订单式技能培训, 000 附件) for a class that came from an order; new-style
 * apprenticeship person-times (企业新型学徒制) for an apprenticeship class; a named school-enterprise class (冠名班)
 * once, when its first trainee completes; and a key enterprise served by order-based training once a year, when
 * an order of its ends in a completed class (issue 16: these three were entered by hand).
 */
@Component
class TrainingFacts {

	static final String ORDER_TRAINING_COMPLETIONS = "ORDER_TRAINING_COMPLETIONS";
	static final String APPRENTICESHIP_COMPLETIONS = "APPRENTICESHIP_COMPLETIONS";
	static final String NAMED_CLASSES_COMPLETED = "NAMED_CLASSES_COMPLETED";
	static final String KEY_ENTERPRISES_SERVED = "KEY_ENTERPRISES_SERVED";

	private final Rollups rollups;
	private final OrganisationRegistry organisations;

	TrainingFacts(Rollups rollups, OrganisationRegistry organisations) {
		this.rollups = rollups;
		this.organisations = organisations;
	}

	@ApplicationModuleListener
	void on(TrainingsCompleted completed) {
		rollups.setAll(completed.completions().stream().flatMap(c -> changes(c).stream()).toList());
	}

	@ApplicationModuleListener
	void on(TrainingCompleted completed) {
		rollups.setAll(changes(completed));
	}

	private List<Rollups.Change> changes(TrainingCompleted completed) {
		var changes = new ArrayList<Rollups.Change>();
		var enrolment = "enrolment:" + completed.enrolmentId();
		changes.add(new Rollups.Change(ORDER_TRAINING_COMPLETIONS, String.valueOf(completed.enrolmentId()),
				completed.orderId() == null ? Optional.empty()
				: Optional.of(Contribution.one(completed.regionPath(), completed.completedOn(), enrolment))));
		if ("APPRENTICESHIP".equals(completed.classKind())) {
			changes.add(new Rollups.Change(APPRENTICESHIP_COMPLETIONS, enrolment,
					Optional.of(Contribution.one(completed.regionPath(), completed.completedOn(), enrolment))));
		}
		if ("NAMED_CLASS".equals(completed.classKind())) {
			var named = "class:" + completed.classId();
			changes.add(new Rollups.Change(NAMED_CLASSES_COMPLETED, named,
					Optional.of(Contribution.one(completed.regionPath(), completed.completedOn(), named))));
		}
		var enterprise = completed.orderEnterpriseCode();
		if (enterprise != null && organisations.enterprise(enterprise).map(Enterprise::keyEnterprise).orElse(false)) {
			changes.add(new Rollups.Change(KEY_ENTERPRISES_SERVED, enterprise + ":" + completed.completedOn().getYear(),
					Optional.of(Contribution.one(completed.regionPath(), completed.completedOn(),
							"enterprise:" + enterprise))));
		}
		return changes;
	}
}
