package cn.gongjiang.training;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 张明 (worker-demo) sits in the demo's Shaoxing class that runs today; a test that enrols him in a class of its own
 * running now first takes him out of today's other classes, or the overlap rule (TRN-3) refuses it.
 */
final class DemoWorker {

	private DemoWorker() {
	}

	static void freeToday(JdbcClient jdbc) {
		jdbc.sql("""
				update training.enrolment set status = 'WITHDRAWN'
				where status = 'ENROLLED' and person_id = (select id from registry.person where id_number_masked = '330602********1238')
				  and class_id in (select class_id from training.class_session where ends_at > now() - interval '1 day')
				""").update();
	}
}
