package cn.gongjiang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;

/** X-2 / MLPS: the audit log is append-only, hash-chained, and the auditor's alone. */
@IntegrationTest
class AuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Console console;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void signInsAreRecordedWithAccountOutcomeAndAddress() throws Exception {
		console.session("hangzhou");
		mvc.perform(post("/login").with(csrf()).param("username", "hangzhou").param("password", "wrong"));
		var rows = jdbc.sql("""
				select outcome, role, client_address from audit.audit_event
				where account = 'hangzhou' and action = 'login' order by id desc limit 2
				""").query((rs, i) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).list();
		assertThat(rows).containsExactly("FAILURE/null/127.0.0.1", "SUCCESS/CITY_OFFICER/127.0.0.1");
	}

	/** X-3 (issue 18): a file's many records, appended at once, are the rows record would write, chained in order. */
	@Test
	void manyRecordsAppendedAtOnceChainInOrderAndVerify() {
		var actor = new cn.gongjiang.shared.security.Actor(0, "audit-bulk-test", "91330602MA00000001",
				cn.gongjiang.shared.security.Role.TRAINING_PROVIDER,
				cn.gongjiang.shared.security.DataScope.organisation("91330602MA00000001"), false);
		audit.record(actor, "training.enrol", "enrolment:before", AuditOutcome.SUCCESS, null);
		audit.recordAll(actor, "training.enrol", List.of("enrolment:1", "enrolment:2", "enrolment:3"),
				AuditOutcome.SUCCESS);
		audit.record(actor, "training.enrol", "enrolment:after", AuditOutcome.SUCCESS, null);
		assertThat(jdbc.sql("""
				select target from audit.audit_event where account = 'audit-bulk-test' order by id
				""").query(String.class).list()).endsWith("enrolment:before", "enrolment:1", "enrolment:2",
				"enrolment:3", "enrolment:after");
		var verification = audit.verifyChain();
		assertThat(verification.intact()).as("broken at %s", verification.firstBrokenId()).isTrue();
	}

	@Test
	void rowsCannotBeChangedOrDeleted() {
		assertThatThrownBy(() -> jdbc.sql("update audit.audit_event set outcome = 'SUCCESS'").update())
				.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_event").update())
				.hasMessageContaining("append-only");
	}

	@Test
	void theAuditorDetectsATamperedRow() throws Exception {
		console.session("keqiao"); // at least one row to tamper with
		var auditor = console.session("auditor");
		mvc.perform(post("/audit/verify").session(auditor).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("哈希链完整")));

		var victim = jdbc.sql("select id from audit.audit_event where account = 'keqiao' order by id desc limit 1")
				.query(Long.class).single();
		tamper("update audit.audit_event set outcome = 'FAILURE' where id = " + victim);
		try {
			assertThat(audit.verifyChain().firstBrokenId()).isEqualTo(victim);
			mvc.perform(post("/audit/verify").session(auditor).with(csrf()))
					.andExpect(content().string(Matchers.containsString("第 " + victim + " 号记录处断裂")));
		}
		finally {
			tamper("update audit.audit_event set outcome = 'SUCCESS' where id = " + victim);
		}
		assertThat(audit.verifyChain().intact()).isTrue();
	}

	@Test
	void aDeletedRowBreaksTheLinkOfTheNext() {
		console.session("keqiao");
		console.session("keqiao");
		var last = jdbc.sql("select * from audit.audit_event order by id desc limit 2").query((rs, i) -> rs.getLong("id"))
				.list();
		var deleted = last.get(1);
		var copy = copyOf(deleted);
		tamper("delete from audit.audit_event where id = " + deleted);
		try {
			assertThat(audit.verifyChain().firstBrokenId()).isEqualTo(last.get(0));
		}
		finally {
			restore(deleted, copy);
		}
		assertThat(audit.verifyChain().intact()).isTrue();
	}

	@Test
	void deletingTheNewestRowsIsDetectedByTheChainHead() {
		console.session("keqiao");
		var newest = jdbc.sql("select id from audit.audit_event order by id desc limit 1").query(Long.class).single();
		var copy = copyOf(newest);
		tamper("delete from audit.audit_event where id = " + newest);
		try {
			var verification = audit.verifyChain();
			assertThat(verification.intact()).isFalse();
			// the head no longer matches; when a checkpoint had been taken at that row, the checkpoint says it first
			assertThat(verification.problem()).isIn("head", "checkpoint");
			assertThat(verification.firstBrokenId()).isEqualTo(newest);
		}
		finally {
			restore(newest, copy);
		}
		assertThat(audit.verifyChain().intact()).isTrue();
	}

	@Test
	void aRowForgedWithTheDatabasesOwnPrivilegesDoesNotVerify() {
		console.session("keqiao");
		var victim = jdbc.sql("select id from audit.audit_event order by id desc limit 1").query(Long.class).single();
		var copy = copyOf(victim);
		// what the database administrator can do: change the row, recompute its hash the way the chain is written
		// (SM3, or an HMAC under any key but the platform's) and move the chain head along
		var row = jdbc.sql("select * from audit.audit_event where id = :id").param("id", victim)
				.query((rs, i) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
						rs.getString("account"), rs.getString("role"), rs.getString("scope"), rs.getString("action"),
						rs.getString("target"), AuditOutcome.valueOf(rs.getString("outcome")),
						rs.getString("client_address"), "nothing happened", rs.getBytes("previous_hash"), null, true))
				.single();
		for (var forged : List.of(row.expectedLegacyHash(), row.expectedHash(new byte[32]))) {
			tamper("update audit.audit_event set detail = 'nothing happened', hash = '\\x%s' where id = %d"
					.formatted(HexFormat.of().formatHex(forged), victim));
			jdbc.sql("update audit.chain_head set last_hash = :h").param("h", forged).update();
			try {
				var verification = audit.verifyChain();
				assertThat(verification.firstBrokenId()).isEqualTo(victim);
				assertThat(verification.problem()).isEqualTo("content");
			}
			finally {
				tamper("delete from audit.audit_event where id = " + victim);
				restore(victim, copy);
				jdbc.sql("update audit.chain_head set last_hash = :h").param("h", copy[10]).update();
			}
		}
		assertThat(audit.verifyChain().intact()).isTrue();
	}

	@Test
	void deletingTheOldestRowsWithinTheRetentionPeriodIsDetectedByTheCheckpoints() {
		console.session("keqiao");
		audit.checkpoint();
		var checkpointed = jdbc.sql("select last_id from audit.chain_head").query(Long.class).single();
		console.session("keqiao");
		tamper("create table public.saved_audit_rows as select * from audit.audit_event where id <= " + checkpointed);
		tamper("delete from audit.audit_event where id <= " + checkpointed);
		try {
			var verification = audit.verifyChain();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.problem()).isEqualTo("truncated");
			assertThat(verification.start().id()).isGreaterThan(checkpointed);
			assertThat(verification.start().previousHash()).as("the deleted predecessor is named").isNotNull();
		}
		finally {
			tamper("insert into audit.audit_event overriding system value select * from public.saved_audit_rows");
			tamper("drop table public.saved_audit_rows");
		}
		var whole = audit.verifyChain();
		assertThat(whole.intact()).isTrue();
		assertThat(whole.start().previousHash()).isNull();
		assertThat(whole.checkpoints()).isPositive();
	}

	@Test
	void rowsWrittenBeforeTheChainWasKeyedAreReSignedOnceWhenTheirChainHolds() {
		console.session("keqiao");
		// the chain as an earlier version wrote it: plain SM3, unkeyed
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", 0x4155444954L).query(Object.class).single();
			jdbc.sql("alter table audit.audit_event disable trigger audit_event_append_only").update();
			byte[] previous = null;
			for (var e : jdbc.sql("select * from audit.audit_event order by id").query((rs, i) -> new AuditEvent(
					rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("account"),
					rs.getString("role"), rs.getString("scope"), rs.getString("action"), rs.getString("target"),
					AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("client_address"),
					rs.getString("detail"), null, null, false)).list()) {
				var hash = AuditEvent.legacyHash(previous, e.occurredAt(), e.account(), e.role(), e.scope(), e.action(),
						e.target(), e.outcome(), e.clientAddress(), e.detail());
				jdbc.sql("update audit.audit_event set previous_hash = :p, hash = :h, keyed = false where id = :id")
						.param("p", previous).param("h", hash).param("id", e.id()).update();
				previous = hash;
			}
			jdbc.sql("alter table audit.audit_event enable trigger audit_event_append_only").update();
			jdbc.sql("update audit.chain_head set last_hash = :h").param("h", previous).update();
		});
		assertThat(audit.verifyChain().problem()).as("unkeyed rows are not taken as signed").isEqualTo("content");
		audit.signUnkeyedRows();
		assertThat(jdbc.sql("select count(*) from audit.audit_event where not keyed").query(Long.class).single()).isZero();
		assertThat(audit.verifyChain().intact()).isTrue();
	}

	/** Every column of a row but its ID, to put it back after a tamper test. */
	private Object[] copyOf(long id) {
		return jdbc.sql("select * from audit.audit_event where id = :id").param("id", id)
				.query((rs, i) -> new Object[] { rs.getTimestamp("occurred_at"), rs.getString("account"),
						rs.getString("role"), rs.getString("scope"), rs.getString("action"), rs.getString("target"),
						rs.getString("outcome"), rs.getString("client_address"), rs.getString("detail"),
						rs.getBytes("previous_hash"), rs.getBytes("hash") })
				.single();
	}

	private void restore(long id, Object[] copy) {
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("alter table audit.audit_event disable trigger audit_event_append_only").update();
			jdbc.sql("""
					insert into audit.audit_event (id, occurred_at, account, role, scope, action, target, outcome,
					    client_address, detail, previous_hash, hash)
					overriding system value values (:id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""".replace(":id", Long.toString(id))).params(copy).update();
			jdbc.sql("alter table audit.audit_event enable trigger audit_event_append_only").update();
		});
	}

	@Test
	void onlyTheAuditorReadsTheLog() throws Exception {
		for (var username : new String[] { "secadmin", "sysadmin", "province", "shaoxing" }) {
			mvc.perform(get("/audit").session(console.session(username))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/audit").session(console.session("auditor")).param("action", "login"))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("audit-events")));
	}

	@Test
	void theAuditorReadsAndVerifiesOverTheApiAndNobodyElseDoes() throws Exception {
		mvc.perform(get("/api/v1/audit-events").param("action", "login").header("Authorization", api.bearer("auditor")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].action").value("login"))
				.andExpect(jsonPath("$[0].hash").isString());
		mvc.perform(post("/api/v1/audit-events/verification").header("Authorization", api.bearer("auditor")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.intact").value(true));
		for (var username : new String[] { "secadmin", "sysadmin", "province" }) {
			mvc.perform(get("/api/v1/audit-events").header("Authorization", api.bearer(username)))
					.andExpect(status().isForbidden())
					.andExpect(jsonPath("$.code").value("auth.forbidden"));
		}
	}

	@Test
	void theThreeAdministratorsAreSeparated() throws Exception {
		// each administrator opens only their own console; every refusal is audited, counted from before this test
		var pages = Map.of("secadmin", "/admin/accounts", "auditor", "/audit", "sysadmin", "/system");
		for (var admin : pages.keySet()) {
			var session = console.session(admin);
			for (var page : pages.entrySet()) {
				var denied = denials(admin);
				var own = page.getKey().equals(admin);
				var answer = mvc.perform(get(page.getValue()).session(session)).andReturn().getResponse().getStatus();
				assertThat(answer).as(admin + " opening " + page.getValue()).isEqualTo(own ? 200 : 403);
				assertThat(denials(admin)).as(admin + " opening " + page.getValue()).isEqualTo(denied + (own ? 0 : 1));
			}
			// and none of them reads business data
			var denied = denials(admin);
			mvc.perform(get("/persons").session(session)).andExpect(status().isForbidden());
			assertThat(denials(admin)).as(admin + " opening the person registry").isEqualTo(denied + 1);
		}
	}

	private long denials(String account) {
		return jdbc.sql("select count(*) from audit.audit_event where account = :a and action = 'access.denied'")
				.param("a", account).query(Long.class).single();
	}

	/** What only a database superuser can do: switch the guard off for one statement. */
	private void tamper(String sql) {
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("alter table audit.audit_event disable trigger audit_event_append_only").update();
			jdbc.sql(sql).update();
			jdbc.sql("alter table audit.audit_event enable trigger audit_event_append_only").update();
		});
	}
}
