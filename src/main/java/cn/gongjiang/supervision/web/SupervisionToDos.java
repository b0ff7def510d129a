package cn.gongjiang.supervision.web;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ToDo;
import cn.gongjiang.supervision.Inspections;
import cn.gongjiang.supervision.SignalReviews;

/** Supervision's part of an officer's home page: anomaly signals to review, inspections drawn but not published. */
@Component
class SupervisionToDos implements ToDo.Source {

	private final SignalReviews reviews;
	private final Inspections inspections;

	SupervisionToDos(SignalReviews reviews, Inspections inspections) {
		this.reviews = reviews;
		this.inspections = inspections;
	}

	@Override
	public List<ToDo> of(Actor actor) {
		if (!actor.regionalOfficer()) {
			return List.of();
		}
		return List.of(
				ToDo.of("todo.supervision.open-signals", reviews.open(actor), "/supervision?tab=signals", "alert-triangle"),
				ToDo.of("todo.supervision.unpublished-draws", inspections.unpublished(actor), "/supervision?tab=draws",
						"arrows-shuffle"));
	}
}
