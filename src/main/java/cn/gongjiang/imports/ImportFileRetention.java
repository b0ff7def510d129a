package cn.gongjiang.imports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * X-2 (issue 19): an upload holds full ID and mobile numbers, so it is kept only while it is useful: a finished job's
 * file is deleted {@code gongjiang.imports.keep-files} (30 days) after the job ended. The job, its counts and its row
 * errors stay; only the error report, which repeats the uploaded rows, is no longer offered.
 */
@Component
class ImportFileRetention {

	private final JdbcClient jdbc;
	private final ImportFiles files;
	private final Clock clock;
	private final Duration keep;

	ImportFileRetention(JdbcClient jdbc, ImportFiles files, Clock clock,
			@Value("${gongjiang.imports.keep-files:P30D}") Duration keep) {
		this.jdbc = jdbc;
		this.files = files;
		this.clock = clock;
		this.keep = keep;
	}

	Duration keep() {
		return keep;
	}

	/** Deletes the files of jobs finished longer ago than the retention period; returns how many. */
	@Scheduled(fixedDelayString = "${gongjiang.imports.file-check-delay:PT1H}", initialDelayString = "PT5M")
	int deleteExpired() {
		var expired = jdbc.sql("""
				select id from imports.import_job
				where status in ('DONE', 'FAILED') and file_deleted_at is null and finished_at < :cutOff
				""").param("cutOff", Timestamp.from(clock.instant().minus(keep))).query(UUID.class).list();
		for (var id : expired) {
			files.delete(id);
			jdbc.sql("update imports.import_job set file_deleted_at = :now where id = :id")
					.param("now", Timestamp.from(clock.instant())).param("id", id).update();
		}
		return expired.size();
	}
}
