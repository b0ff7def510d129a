package cn.gongjiang.targets;

import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.gongjiang.training.TrainingCompleted;

/**
 * Order-based training person-times (订单式技能培训, 000 附件): each completion of a class that came from an order
 * counts once, on the day the class completed, at the order's county.
 */
@Component
class TrainingFacts {

	static final String ORDER_TRAINING_COMPLETIONS = "ORDER_TRAINING_COMPLETIONS";

	private final Rollups rollups;

	TrainingFacts(Rollups rollups) {
		this.rollups = rollups;
	}

	@ApplicationModuleListener
	void on(TrainingCompleted completed) {
		rollups.set(ORDER_TRAINING_COMPLETIONS, String.valueOf(completed.enrolmentId()), completed.orderId() == null
				? Optional.empty()
				: Optional.of(Contribution.one(completed.regionPath(), completed.completedOn(),
						"enrolment:" + completed.enrolmentId())));
	}
}
