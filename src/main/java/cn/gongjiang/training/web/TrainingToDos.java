package cn.gongjiang.training.web;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ToDo;
import cn.gongjiang.training.TrainingWork;

/**
 * The training loop's part of each home page: a provider's orders to take up, classes to complete and results to
 * record; a worker's vouchers and today's check-ins; an enterprise's orders awaiting a provider and classes
 * finishing. Each links to the list where it is done.
 */
@Component
class TrainingToDos implements ToDo.Source {

	private final TrainingWork work;

	TrainingToDos(TrainingWork work) {
		this.work = work;
	}

	@Override
	public List<ToDo> of(Actor actor) {
		return switch (actor.role()) {
			case TRAINING_PROVIDER, TECHNICAL_SCHOOL -> List.of(
					ToDo.of("todo.training.orders-to-take", work.ordersToTake(actor), "/training?tab=open", "clipboard-list"),
					ToDo.of("todo.training.classes-to-complete", work.classesToComplete(actor),
							"/training?tab=classes&status=ENDED", "flag-check").dueSoon(),
					ToDo.of("todo.training.results-to-record", work.resultsToRecord(actor),
							"/training?tab=classes&status=FINISHED", "certificate"));
			case WORKER -> List.of(
					ToDo.of("todo.training.check-ins-today", work.checkInsToday(actor), "/training#check-in", "qrcode").dueSoon(),
					ToDo.of("todo.training.vouchers-to-use", work.vouchersToUse(actor), "/training#vouchers", "ticket"));
			case ENTERPRISE -> List.of(
					ToDo.of("todo.training.orders-awaiting-provider", work.ordersAwaitingProvider(actor),
							"/training?tab=orders&status=OPEN", "clock"),
					ToDo.of("todo.training.classes-finishing", work.classesFinishing(actor),
							"/training?tab=orders&status=ACCEPTED", "school"));
			default -> List.of();
		};
	}
}
