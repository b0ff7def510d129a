package cn.gongjiang.database;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * autovacuum analyzes the partitions of a partitioned table but never the table itself (PostgreSQL 15), and the
 * planner reads the table's own statistics for a statement over all its partitions (a class's sign-ins, a chunk's
 * re-count joined to its records). So every partitioned table is analyzed once a night. They are found in the
 * catalogue: this module owns no table and names none.
 */
@Component
class PartitionStatistics {

	private static final Logger log = LoggerFactory.getLogger(PartitionStatistics.class);

	private final JdbcClient jdbc;

	PartitionStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(cron = "${gongjiang.database.partition-analyze-cron:0 15 3 * * *}", zone = "Asia/Shanghai")
	void analyzeNightly() {
		var tables = analyzeAll();
		log.info("analyzed the partitioned tables {}", tables);
	}

	/** Analyzes every partitioned table (its partitions' samples as one) and says which. */
	List<String> analyzeAll() {
		var tables = jdbc.sql("""
				select format('%I.%I', n.nspname, c.relname) from pg_partitioned_table p
				join pg_class c on c.oid = p.partrelid join pg_namespace n on n.oid = c.relnamespace
				order by 1
				""").query(String.class).list();
		for (var table : tables) {
			jdbc.sql("analyze " + table).update();
		}
		return tables;
	}
}
