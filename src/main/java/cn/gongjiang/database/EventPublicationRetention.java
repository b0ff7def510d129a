package cn.gongjiang.database;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The module events' registry keeps each completed publication, the event as it was stored with the time its
 * listener finished, for as long as they are of use to whoever looks into what a listener did: 30 days by default.
 * Then they go, once a night. Kept for ever they were the database's fifth largest table at province scale
 * (1.5 GB after one year's certificates: a bulk decision's chunk is one event of its 2,000 outcomes). Publications
 * not completed are never deleted: they are redelivered at the next start.
 */
@Component
class EventPublicationRetention {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationRetention.class);

	private final CompletedEventPublications completed;
	private final Duration keep;

	EventPublicationRetention(CompletedEventPublications completed,
			@Value("${gongjiang.events.keep-completed:P30D}") Duration keep) {
		this.completed = completed;
		this.keep = keep;
	}

	@Scheduled(cron = "${gongjiang.events.purge-cron:0 45 3 * * *}", zone = "Asia/Shanghai")
	void purgeNightly() {
		purge();
		log.info("deleted the event publications completed more than {} ago", keep);
	}

	/** Deletes the publications completed longer ago than the platform keeps them. */
	void purge() {
		completed.deletePublicationsOlderThan(keep);
	}
}
