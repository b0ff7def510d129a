package cn.gongjiang.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;

/**
 * What waits for someone in the training loop (their home page's to-dos): a provider's orders to take up, classes to
 * complete and results to record; a worker's vouchers and today's check-ins; an enterprise's orders nobody took yet
 * and classes about to finish. Counts only, each one indexed query.
 */
@Service
public class TrainingWork {

	/** A class whose last session ends within this is "finishing" for the enterprise that ordered it. */
	static final Duration FINISHING = Duration.ofDays(7);

	private final JdbcClient jdbc;
	private final TrainingOrders orders;
	private final ClassEnrolments enrolments;
	private final Clock clock;

	TrainingWork(JdbcClient jdbc, TrainingOrders orders, ClassEnrolments enrolments, Clock clock) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.enrolments = enrolments;
		this.clock = clock;
	}

	/** Open orders within the provider's reach; none for a suspended provider, which may not take any. */
	@Transactional(readOnly = true)
	public long ordersToTake(Actor provider) {
		try {
			return orders.openFor(provider, TrainingFilter.NONE, PageRequest.first(1)).total();
		}
		catch (BusinessException suspended) {
			return 0;
		}
	}

	/** The provider's open classes whose last session is over: they wait to be completed. */
	@Transactional(readOnly = true)
	public long classesToComplete(Actor provider) {
		return jdbc.sql("""
				select count(*) from training.training_class c
				where c.provider_code = :provider and c.status = 'OPEN'
				  and (select max(s.ends_at) from training.class_session s where s.class_id = c.id) < :now
				""").param("provider", provider.scope().value()).param("now", Timestamp.from(clock.instant()))
				.query(Long.class).single();
	}

	/** Trainees who completed one of the provider's finished classes and have no result yet. */
	@Transactional(readOnly = true)
	public long resultsToRecord(Actor provider) {
		return jdbc.sql("""
				select count(*) from training.enrolment e join training.training_class c on c.id = e.class_id
				where c.provider_code = :provider and c.status = 'FINISHED' and e.status = 'COMPLETED' and e.result is null
				""").param("provider", provider.scope().value()).query(Long.class).single();
	}

	/** The worker's vouchers not used yet and still in date. */
	@Transactional(readOnly = true)
	public long vouchersToUse(Actor worker) {
		return jdbc.sql("""
				select count(*) from training.voucher
				where person_index = :index and status = 'ISSUED' and valid_until >= :today
				""").param("index", worker.scope().personIndex().bytes())
				.param("today", LocalDate.now(clock)).query(Long.class).single();
	}

	/** The worker's sessions of today not checked in to and not over yet. */
	@Transactional(readOnly = true)
	public long checkInsToday(Actor worker) {
		var now = clock.instant();
		return enrolments.todaySessions(worker).stream().filter(s -> !s.checkedIn() && s.endsAt().isAfter(now)).count();
	}

	/** The enterprise's orders no provider has taken up yet. */
	@Transactional(readOnly = true)
	public long ordersAwaitingProvider(Actor enterprise) {
		return jdbc.sql("select count(*) from training.training_order where enterprise_code = :code and status = 'OPEN'")
				.param("code", enterprise.scope().value()).query(Long.class).single();
	}

	/** Open classes of the enterprise's orders whose last session ends within a week (or has ended). */
	@Transactional(readOnly = true)
	public long classesFinishing(Actor enterprise) {
		return jdbc.sql("""
				select count(*) from training.training_class c join training.training_order o on o.id = c.order_id
				where o.enterprise_code = :code and c.status = 'OPEN'
				  and (select max(s.ends_at) from training.class_session s where s.class_id = c.id) < :soon
				""").param("code", enterprise.scope().value())
				.param("soon", Timestamp.from(clock.instant().plus(FINISHING))).query(Long.class).single();
	}
}
