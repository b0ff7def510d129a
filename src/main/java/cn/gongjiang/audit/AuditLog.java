package cn.gongjiang.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

import static cn.gongjiang.shared.web.CorrelationIdFilter.CLIENT_ADDRESS;

/**
 * Writes and reads the audit log. Each write runs in its own short transaction, so what was attempted is recorded
 * even when the attempt itself rolls back, and an advisory lock keeps the chain a single line.
 */
@Service
public class AuditLog {

	private static final long CHAIN_LOCK = 0x4155444954L; // "AUDIT"
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(Actor actor, String action, String target, AuditOutcome outcome, String detail) {
		append(actor.username(), actor.role().name(), actor.scope().toString(), action, target, outcome, detail);
	}

	/** For events without a signed-in actor: failed logins, public requests. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAnonymous(String account, String action, String target, AuditOutcome outcome, String detail) {
		append(account, null, null, action, target, outcome, detail);
	}

	private void append(String account, String role, String scope, String action, String target,
			AuditOutcome outcome, String detail) {
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query(Object.class).single();
		var previous = jdbc.sql("select hash from audit.audit_event order by id desc limit 1")
				.query(byte[].class).optional().orElse(null);
		var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var address = clientAddress();
		var hash = AuditEvent.chainHash(previous, at, account, role, scope, action, target, outcome, address, detail);
		var id = jdbc.sql("""
				insert into audit.audit_event (occurred_at, account, role, scope, action, target, outcome,
				                               client_address, detail, previous_hash, hash)
				values (:at, :account, :role, :scope, :action, :target, :outcome, :address, :detail, :previous, :hash)
				returning id
				""")
				.param("at", Timestamp.from(at))
				.param("account", account)
				.param("role", role)
				.param("scope", scope)
				.param("action", action)
				.param("target", target)
				.param("outcome", outcome.name())
				.param("address", address)
				.param("detail", detail)
				.param("previous", previous)
				.param("hash", hash)
				.query(Long.class)
				.single();
		jdbc.sql("""
				insert into audit.chain_head (last_id, last_hash) values (:id, :hash)
				on conflict (singleton) do update set last_id = excluded.last_id, last_hash = excluded.last_hash
				""").param("id", id).param("hash", hash).update();
	}

	private static final String FILTER = """
			where (cast(:account as text) is null or account = :account)
			  and (cast(:action as text) is null or starts_with(action, :action))
			  and (cast(:outcome as text) is null or outcome = :outcome)
			  and (cast(:from as timestamptz) is null or occurred_at >= :from)
			  and (cast(:to as timestamptz) is null or occurred_at < :to)
			""";

	/** Counting more than this many matching rows costs more than the page: the page then says "more than". */
	public static final int COUNT_CAP = 10_000;

	/** The auditor's view; reading the log is itself recorded. */
	@Transactional
	public List<AuditEvent> search(Actor auditor, AuditQuery query) {
		requireAuditor(auditor);
		var events = filtered(jdbc.sql("select * from audit.audit_event " + FILTER
				+ " order by id desc limit :size offset :offset"), query)
				.param("size", query.size())
				.param("offset", query.page() * query.size())
				.query(AuditLog::map)
				.list();
		record(auditor, "audit.search", null, AuditOutcome.SUCCESS, null);
		return events;
	}

	/**
	 * One page of the log, newest first, by keyset: the rows older than {@code after} or newer than {@code before}
	 * (event IDs), so the millionth page costs what the first does. {@code number} is the page's number as the
	 * reader counts. The total is exact up to {@link #COUNT_CAP}.
	 */
	@Transactional
	public Page<AuditEvent> browse(Actor auditor, AuditQuery query, Long after, Long before, int number) {
		requireAuditor(auditor);
		var backwards = before != null && after == null;
		var size = query.size();
		var rows = new java.util.ArrayList<>(filtered(jdbc.sql("select * from audit.audit_event " + FILTER
				+ " and (cast(:after as bigint) is null or id < :after)"
				+ " and (cast(:before as bigint) is null or id > :before)"
				+ " order by id " + (backwards ? "asc" : "desc") + " limit :limit"), query)
				.param("after", after).param("before", backwards ? before : null).param("limit", size + 1)
				.query(AuditLog::map).list());
		var more = rows.size() > size;
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (backwards) {
			java.util.Collections.reverse(rows);
		}
		var counted = count(auditor, query);
		var exact = counted <= COUNT_CAP;
		var first = rows.isEmpty() ? null : String.valueOf(rows.get(0).id());
		var last = rows.isEmpty() ? null : String.valueOf(rows.get(rows.size() - 1).id());
		var newer = backwards ? more : after != null;
		var older = backwards || more;
		var page = new Page<>(rows, exact ? counted : COUNT_CAP, exact, Math.max(1, number), size,
				older ? last : null, newer && number > 1 ? first : null);
		record(auditor, "audit.search", null, AuditOutcome.SUCCESS, null);
		return page;
	}

	/** How many rows match, counted up to {@link #COUNT_CAP} and one more (more than the cap: "more than"). */
	@Transactional(readOnly = true)
	public long count(Actor auditor, AuditQuery query) {
		requireAuditor(auditor);
		return filtered(jdbc.sql("select count(*) from (select 1 from audit.audit_event " + FILTER
				+ " limit :cap) capped"), query).param("cap", COUNT_CAP + 1).query(Long.class).single();
	}

	/** One event with its hashes, for the auditor's detail view. */
	@Transactional
	public AuditEvent event(Actor auditor, long id) {
		requireAuditor(auditor);
		var event = jdbc.sql("select * from audit.audit_event where id = :id").param("id", id).query(AuditLog::map)
				.optional().orElseThrow(() -> new NotFoundException("audit.not-found", id));
		record(auditor, "audit.view", String.valueOf(id), AuditOutcome.SUCCESS, null);
		return event;
	}

	/**
	 * The filtered log streamed oldest first, at most {@code limit} rows, for the export; the export is itself
	 * recorded with the number of rows it held.
	 */
	@Transactional
	public long export(Actor auditor, AuditQuery query, int limit, java.util.function.Consumer<AuditEvent> row) {
		requireAuditor(auditor);
		var count = new long[1];
		try (var rows = filtered(jdbc.sql("select * from audit.audit_event " + FILTER + " order by id limit :limit"),
				query).param("limit", limit).withFetchSize(1000).query(AuditLog::map).stream()) {
			rows.forEach(e -> {
				row.accept(e);
				count[0]++;
			});
		}
		record(auditor, "audit.export", null, AuditOutcome.SUCCESS, count[0] + " rows");
		return count[0];
	}

	private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, AuditQuery query) {
		return statement
				.param("account", blankToNull(query.account()))
				.param("action", blankToNull(query.action()))
				.param("outcome", query.outcome() == null ? null : query.outcome().name())
				.param("from", query.from() == null ? null : Timestamp.from(query.from().atStartOfDay(CHINA).toInstant()))
				.param("to", query.to() == null ? null
						: Timestamp.from(query.to().plusDays(1).atStartOfDay(CHINA).toInstant()));
	}

	/** Walks the whole chain in order and reports the first row whose hash or link does not fit. */
	@Transactional
	public ChainVerification verify(Actor auditor) {
		requireAuditor(auditor);
		var result = verifyChain();
		record(auditor, "audit.verify", null, result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
				result.intact() ? "rows=" + result.checkedRows() : "broken at " + result.firstBrokenId());
		return result;
	}

	ChainVerification verifyChain() {
		var checked = new long[1];
		var broken = new ChainVerification[1];
		var previous = new byte[][] { null };
		var first = new boolean[] { true };
		try (var rows = jdbc.sql("select * from audit.audit_event order by id").withFetchSize(1000)
				.query(AuditLog::map).stream()) {
			rows.takeWhile(e -> broken[0] == null).forEach(event -> {
				// the oldest kept row may follow rows deleted after the retention period: trust its link
				if (!first[0] && !Arrays.equals(event.previousHash(), previous[0])) {
					broken[0] = new ChainVerification(checked[0], event.id(), "link");
				}
				else if (!Arrays.equals(event.hash(), event.expectedHash())) {
					broken[0] = new ChainVerification(checked[0], event.id(), "content");
				}
				else {
					checked[0]++;
					previous[0] = event.hash();
					first[0] = false;
				}
			});
		}
		if (broken[0] != null) {
			return broken[0];
		}
		// the newest rows deleted: no row is left to break, but the head remembers what the last link was
		var head = jdbc.sql("select last_id, last_hash from audit.chain_head")
				.query((rs, i) -> new Object[] { rs.getLong(1), rs.getBytes(2) }).optional();
		if (head.isPresent() && (previous[0] == null || !Arrays.equals((byte[]) head.get()[1], previous[0]))) {
			return new ChainVerification(checked[0], (Long) head.get()[0], "head");
		}
		return new ChainVerification(checked[0], null, null);
	}

	/** Refuses anyone but the auditor; a download checks before its first byte, so the refusal can still be said. */
	public static void requireAuditor(Actor actor) {
		if (!actor.is(Role.AUDITOR)) {
			throw new org.springframework.security.access.AccessDeniedException("audit log is for the auditor");
		}
	}

	private static String clientAddress() {
		return MDC.get(CLIENT_ADDRESS);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static AuditEvent map(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("account"),
				rs.getString("role"), rs.getString("scope"), rs.getString("action"), rs.getString("target"),
				AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("client_address"), rs.getString("detail"),
				rs.getBytes("previous_hash"), rs.getBytes("hash"));
	}
}
