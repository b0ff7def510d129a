package cn.gongjiang;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Two officers acting on the same thing at the same moment (issue 17): what each was answered, in order. */
public final class Races {

	private Races() {
	}

	/** Runs both at once, released together, and returns their HTTP statuses (or what they returned). */
	@SafeVarargs
	public static List<Integer> race(Callable<Integer>... officers) throws Exception {
		var pool = Executors.newFixedThreadPool(officers.length);
		try {
			var start = new CountDownLatch(1);
			var futures = new ArrayList<Future<Integer>>();
			for (var officer : officers) {
				futures.add(pool.submit(() -> {
					start.await();
					return officer.call();
				}));
			}
			start.countDown();
			var answers = new ArrayList<Integer>();
			for (var f : futures) {
				answers.add(f.get(60, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** How many audit rows an action on a target has with an outcome. */
	public static int audited(JdbcClient jdbc, String action, String target, String outcome) {
		return jdbc.sql("select count(*) from audit.audit_event where action = :a and target = :t and outcome = :o")
				.param("a", action).param("t", target).param("o", outcome).query(Integer.class).single();
	}
}
