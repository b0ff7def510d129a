package cn.gongjiang.subsidy.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.shared.web.ToDo;
import cn.gongjiang.subsidy.SubsidyDecisions;
import cn.gongjiang.subsidy.claims.ClaimStatus;
import cn.gongjiang.subsidy.claims.Claims;
import cn.gongjiang.subsidy.payments.PaymentBatches;

/**
 * What waits in subsidies on the home page: for a county officer the claims to review, for a city officer those to
 * approve, for every officer the batches another officer opened and the decisions waiting for budget; for a claimant
 * the claims sent back to them in the last 30 days.
 */
@Component
class SubsidyToDos implements ToDo.Source {

	/** How long a returned claim stays on the claimant's list: long enough to correct and submit it again. */
	static final Duration RETURNED_FOR = Duration.ofDays(30);

	private final Claims claims;
	private final PaymentBatches batches;
	private final SubsidyDecisions decisions;
	private final Clock clock;

	SubsidyToDos(Claims claims, PaymentBatches batches, SubsidyDecisions decisions, Clock clock) {
		this.claims = claims;
		this.batches = batches;
		this.decisions = decisions;
		this.clock = clock;
	}

	@Override
	public List<ToDo> of(Actor actor) {
		var toDos = new ArrayList<ToDo>();
		if (actor.regionalOfficer()) {
			if (actor.is(Role.COUNTY_OFFICER)) {
				toDos.add(ToDo.of("todo.subsidy.claims-to-review", claims.waiting(actor, ClaimStatus.SUBMITTED),
						"/subsidies/claims?status=SUBMITTED", "file-invoice"));
			}
			if (actor.is(Role.CITY_OFFICER)) {
				toDos.add(ToDo.of("todo.subsidy.claims-to-approve", claims.waiting(actor, ClaimStatus.REVIEWED),
						"/subsidies/claims?status=REVIEWED", "file-check"));
			}
			toDos.add(ToDo.of("todo.subsidy.batches-to-approve", batches.awaitingApproval(actor),
					"/subsidies/payments?status=DRAFT", "building-bank"));
			toDos.add(ToDo.of("todo.subsidy.decisions-waiting", decisions.waitingForBudget(actor),
					"/subsidies?outcome=WAITING", "hourglass"));
			toDos.add(ToDo.of("todo.subsidy.decisions-held", decisions.heldForSignals(actor),
					"/subsidies?outcome=HELD", "alert-triangle"));
		}
		if (actor.is(Role.ENTERPRISE) || actor.is(Role.TRAINING_PROVIDER) || actor.is(Role.TECHNICAL_SCHOOL)) {
			toDos.add(ToDo.of("todo.subsidy.claims-returned", claims.returned(actor, clock.instant().minus(RETURNED_FOR)),
					"/subsidies/claims?status=REJECTED", "arrow-back-up"));
		}
		return toDos;
	}
}
