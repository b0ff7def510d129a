package cn.gongjiang.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.IntegrationTest;

/**
 * X-5 (issue 18): completed event publications are deleted once they are older than the platform keeps them (30
 * days); recent ones stay, and one never completed stays however old it is, to be redelivered.
 */
@IntegrationTest
class EventPublicationRetentionIntegrationTests {

	private static final String LISTENER = "test.EventPublicationRetention.listener";

	@Autowired
	EventPublicationRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void removeTestPublications() {
		jdbc.sql("delete from event_publication where listener_id = :l").param("l", LISTENER).update();
	}

	@Test
	void publicationsCompletedLongerAgoThanKeptAreDeletedAndTheRestStay() {
		var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		var oldCompleted = publication(now.minusDays(45), now.minusDays(40));
		var recentCompleted = publication(now.minusDays(45), now.minusDays(1));
		var neverCompleted = publication(now.minusDays(45), null);

		retention.purge();

		assertThat(jdbc.sql("select id from event_publication where listener_id = :l").param("l", LISTENER)
				.query(UUID.class).list()).containsExactlyInAnyOrder(recentCompleted, neverCompleted)
				.doesNotContain(oldCompleted);
	}

	private UUID publication(OffsetDateTime published, OffsetDateTime completed) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				    completion_date, status, completion_attempts)
				values (:id, :listener, 'java.lang.String', :event, :published, :completed, :status, 1)
				""").param("id", id).param("listener", LISTENER).param("event", "\"" + id + "\"")
				.param("published", published).param("completed", completed)
				.param("status", completed == null ? "FAILED" : "COMPLETED").update();
		return id;
	}
}
