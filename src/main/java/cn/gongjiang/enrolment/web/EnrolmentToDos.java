package cn.gongjiang.enrolment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.gongjiang.enrolment.Duplicates;
import cn.gongjiang.enrolment.Plans;
import cn.gongjiang.enrolment.Registrations;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ToDo;

/**
 * What waits in enrolment, on the home page: plans to issue (the city, or the province for its schools), issued
 * plans to file (the province), revisions to decide, dual registrations to resolve; for a school, the places of
 * its filed plans still free while the intake's registration deadline (31 March, 31 October) approaches.
 */
@Component
class EnrolmentToDos implements ToDo.Source {

	/** A registration deadline this near is shown as due. */
	static final int DUE_SOON_DAYS = 30;

	private final Plans plans;
	private final Duplicates duplicates;
	private final Registrations registrations;
	private final Clock clock;

	EnrolmentToDos(Plans plans, Duplicates duplicates, Registrations registrations, Clock clock) {
		this.plans = plans;
		this.duplicates = duplicates;
		this.registrations = registrations;
		this.clock = clock;
	}

	@Override
	public List<ToDo> of(Actor actor) {
		var toDos = new ArrayList<ToDo>();
		if (actor.role() == Role.TECHNICAL_SCHOOL) {
			var today = LocalDate.now(clock);
			for (var open : registrations.openPlaces(actor.scope().value(), today)) {
				var toDo = ToDo.of("todo.enrolment.places-left." + open.season().name(), open.left(),
						"/enrolment/schools/" + actor.scope().value() + "#register", "school");
				toDos.add(ChronoUnit.DAYS.between(today, open.deadline()) <= DUE_SOON_DAYS ? toDo.dueSoon() : toDo);
			}
			return toDos;
		}
		if (!actor.regionalOfficer()) {
			return toDos;
		}
		var waiting = plans.waiting(actor);
		toDos.add(ToDo.of("todo.enrolment.plans-to-issue", waiting.toIssue(), "/enrolment?status=DRAFT", "send"));
		toDos.add(ToDo.of("todo.enrolment.plans-to-file", waiting.toFile(), "/enrolment?status=ISSUED", "archive"));
		toDos.add(ToDo.of("todo.enrolment.revisions", waiting.revisions(), "/enrolment", "edit"));
		toDos.add(ToDo.of("todo.enrolment.duplicates", duplicates.open(actor), "/enrolment/duplicates?status=OPEN", "copy"));
		return toDos;
	}
}
