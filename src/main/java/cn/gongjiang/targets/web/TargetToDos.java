package cn.gongjiang.targets.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ToDo;
import cn.gongjiang.targets.CityReports;
import cn.gongjiang.targets.Milestones;
import cn.gongjiang.targets.Returns;

/**
 * What waits for an officer in target monitoring, on their home page: returns from the level below to decide,
 * their own figures for the quarter not yet reported (due at the quarter's end), a city's reports not yet
 * submitted, milestones past their date.
 */
@Component
class TargetToDos implements ToDo.Source {

	/** A deadline this near is shown as due. */
	static final int DUE_SOON_DAYS = 30;

	private final Returns returns;
	private final CityReports reports;
	private final Milestones milestones;
	private final Clock clock;

	TargetToDos(Returns returns, CityReports reports, Milestones milestones, Clock clock) {
		this.returns = returns;
		this.reports = reports;
		this.milestones = milestones;
		this.clock = clock;
	}

	@Override
	public List<ToDo> of(Actor actor) {
		if (!actor.role().officer()) {
			return List.of();
		}
		var today = LocalDate.now(clock);
		var toDos = new ArrayList<ToDo>();
		toDos.add(ToDo.of("todo.targets.returns-to-decide", returns.awaitingDecision(actor),
				"/targets/returns?status=SUBMITTED", "file-check"));
		var owed = ToDo.of("todo.targets.returns-owed", returns.unreported(actor, today), "/targets/returns",
				"file-upload");
		toDos.add(ChronoUnit.DAYS.between(today, ReturnPageController.quarterEnd(today)) <= DUE_SOON_DAYS
				? owed.dueSoon() : owed);
		var reportsOwed = reports.owed(actor, today, DUE_SOON_DAYS);
		var report = ToDo.of("todo.targets.reports-owed", reportsOwed.count(), "/targets/reports", "report").dueSoon();
		toDos.add(reportsOwed.nearest() == null ? report
				: report.withDetail("todo.due-on", reportsOwed.nearest().toString()));
		toDos.add(ToDo.of("todo.targets.milestones-overdue", milestones.overdue(actor),
				"/targets/milestones?state=OVERDUE", "flag").dueSoon());
		return toDos;
	}
}
