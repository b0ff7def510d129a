package cn.gongjiang.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.IntegrationTest;

/**
 * X-5 (issue 18): the big append-only tables are hash-partitioned by the key they would be distributed on, their rows
 * spread over the partitions, and the reads the platform makes of them (a person's archive and history, a session's
 * sign-ins, a record's re-count) touch one partition, both as planned for constants and as executed through a
 * prepared statement's generic plan, which is what the JDBC driver sends after its fifth execution.
 */
@IntegrationTest
class PartitioningTests {

	private static final int PARTITIONS = 16;
	private static final Pattern SCAN = Pattern.compile(
			"(?<!Bitmap )(?:Seq|Index|Index Only|Bitmap Heap) Scan (?:Backward )?(?:using \\S+ )?on (\\w+)");

	/** A table, its partition key, a statement that writes row {@code n} of a test set, and its read path. */
	record Partitioned(String table, String key, String write, String read, String readArgument) {
		@Override
		public String toString() {
			return table;
		}
	}

	static List<Partitioned> tables() {
		return List.of(
				new Partitioned("archive.line", "person_id", """
						insert into archive.line (person_id, occurred_on, kind, detail, source)
						values (900000000 + :n, date '2026-01-01', 'TRAINING', '{}', 'test')
						""", "select occurred_on, kind, detail::text from archive.line where person_id = $1 order by occurred_on, id",
						"900000007"),
				new Partitioned("registry.person_event", "person_id", """
						insert into registry.person_event (person_id, occurred_on, kind, detail, source)
						values (900000000 + :n, date '2026-01-01', 'RESIDENCE', '{}', 'test')
						""", "select occurred_on, kind, detail::text from registry.person_event where person_id = $1 "
								+ "order by occurred_on, id",
						"900000007"),
				new Partitioned("training.attendance", "session_id", null,
						"select count(*) from training.attendance a where a.session_id = $1", "7"),
				new Partitioned("targets.contribution", "source_key", """
						insert into targets.contribution (fact, source_key, region_path, occurred_on, amount, evidence)
						values ('TEST_FACT', 'test:' || :n, '/330000/', date '2026-01-01', 1, 'test')
						""", "select region_path, occurred_on, amount, evidence from targets.contribution "
								+ "where fact = 'CERTIFIED' and source_key = $1 for update",
						"'holder:7'"));
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PartitionStatistics statistics;

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void isHashPartitionedByItsDistributionKey(Partitioned t) {
		var strategy = jdbc.sql("""
				select p.partstrat, a.attname from pg_partitioned_table p
				join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
				where p.partrelid = cast(:table as regclass)
				""").param("table", t.table()).query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).optional();
		assertThat(strategy).as(t.table() + " is partitioned").contains("h " + t.key());
		var partitions = jdbc.sql("select count(*) from pg_inherits where inhparent = cast(:table as regclass)")
				.param("table", t.table()).query(Integer.class).single();
		assertThat(partitions).isEqualTo(PARTITIONS);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void rowsSpreadOverThePartitions(Partitioned t) {
		if (t.write() == null) {
			return; // attendance needs a class, a session and enrolments: its spread is the same hash as the others'
		}
		transactions.executeWithoutResult(status -> {
			for (int n = 0; n < 200; n++) {
				jdbc.sql(t.write()).param("n", n).update();
			}
			var used = jdbc.sql("select count(distinct tableoid) from " + t.table() + " where "
					+ (t.key().equals("source_key") ? "source_key like 'test:%'" : t.key() + " >= 900000000"))
					.query(Integer.class).single();
			assertThat(used).as("200 rows of " + t.table() + " land in most of its partitions")
					.isGreaterThanOrEqualTo(PARTITIONS - 2);
			status.setRollbackOnly();
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void itsReadPathTouchesOnePartition(Partitioned t) {
		var planned = plan("explain " + t.read().replace("$1", t.readArgument()));
		assertThat(scanned(planned)).as(planned).hasSize(1);

		// the generic plan of a prepared statement prunes when it runs; explain shows what it removed
		transactions.executeWithoutResult(status -> {
			jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
			jdbc.sql("prepare partition_read as " + t.read()).update();
			try {
				var generic = plan("explain (analyze, costs off, timing off) execute partition_read(" + t.readArgument()
						+ ")");
				assertThat(generic).as(generic).contains("Subplans Removed: " + (PARTITIONS - 1));
			}
			finally {
				jdbc.sql("deallocate partition_read").update();
			}
		});
	}

	/** Autovacuum never analyzes a partitioned table itself; the nightly run gives each its statistics over all. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void theNightlyAnalyzeGivesTheTableStatisticsOverItsPartitions(Partitioned t) {
		if (t.write() == null) {
			return; // attendance: see rowsSpreadOverThePartitions
		}
		transactions.executeWithoutResult(status -> {
			for (int n = 0; n < 200; n++) {
				jdbc.sql(t.write()).param("n", n).update();
			}
			assertThat(statistics.analyzeAll()).contains(t.table());
			var columns = jdbc.sql("select count(*) from pg_stats where schemaname || '.' || tablename = :table"
					+ " and inherited").param("table", t.table()).query(Integer.class).single();
			assertThat(columns).as(t.table() + " has statistics of its own").isPositive();
			status.setRollbackOnly();
		});
	}

	private String plan(String explain) {
		return String.join("\n", jdbc.sql(explain).query(String.class).list());
	}

	private static List<String> scanned(String plan) {
		return SCAN.matcher(plan).results().map(m -> m.group(1)).distinct().toList();
	}
}
