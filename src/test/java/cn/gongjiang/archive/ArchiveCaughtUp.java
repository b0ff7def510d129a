package cn.gongjiang.archive;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archive's listeners run after the publisher's commit, on another thread (REG-4): a test that reads an archive
 * right after an action first waits until every publication to them is completed.
 */
public final class ArchiveCaughtUp {

	private ArchiveCaughtUp() {
	}

	public static void await(JdbcClient jdbc) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				select count(*) from event_publication
				where completion_date is null and listener_id like 'cn.gongjiang.archive.%'
				""").query(Long.class).single() == 0);
	}
}
