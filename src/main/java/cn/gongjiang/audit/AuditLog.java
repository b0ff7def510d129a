package cn.gongjiang.audit;

import static cn.gongjiang.shared.web.CorrelationIdFilter.CLIENT_ADDRESS;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

import jakarta.annotation.PostConstruct;

/**
 * Writes and reads the audit log. Each write runs in its own short transaction, so what was attempted is recorded
 * even when the attempt itself rolls back, and an advisory lock keeps the chain a single line.
 */
@Service
public class AuditLog {

	private static final long CHAIN_LOCK = 0x4155444954L; // "AUDIT"
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** MLPS (GB/T 22239-2019 level 3): the log is kept at least six months; the database refuses younger deletes. */
	static final Duration RETENTION = Duration.ofDays(180);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final byte[] key;
	private final AuditCheckpoints checkpoints;
	private final TransactionTemplate transactions;

	AuditLog(JdbcClient jdbc, Clock clock, PersonalDataCipher cipher, AuditCheckpoints checkpoints,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.key = cipher.auditChainKey();
		this.checkpoints = checkpoints;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Rows written before the chain was keyed are re-signed once, before anything else is written: only when their
	 * plain SM3 chain still holds, so that re-signing never launders an earlier change (it then stays broken).
	 */
	@PostConstruct
	void signUnkeyedRows() {
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query(Object.class).single();
			if (!jdbc.sql("select exists (select 1 from audit.audit_event where not keyed)").query(Boolean.class).single()) {
				return;
			}
			var rows = jdbc.sql("select * from audit.audit_event order by id").query(AuditLog::map).list();
			byte[] previous = null;
			for (var row : rows) {
				var fits = row.keyed() ? Arrays.equals(row.hash(), row.expectedHash(key))
						: Arrays.equals(row.hash(), row.expectedLegacyHash());
				if (!fits || previous != null && !Arrays.equals(row.previousHash(), previous)) {
					LoggerFactory.getLogger(AuditLog.class).error(
							"The audit chain is broken at row {}: its rows are left as they are, for the auditor", row.id());
					return;
				}
				previous = row.hash();
			}
			jdbc.sql("alter table audit.audit_event disable trigger audit_event_append_only").update();
			previous = null;
			for (var row : rows) {
				var hash = AuditEvent.chainHash(key, previous, row.occurredAt(), row.account(), row.role(), row.scope(),
						row.action(), row.target(), row.outcome(), row.clientAddress(), row.detail());
				jdbc.sql("update audit.audit_event set previous_hash = :previous, hash = :hash, keyed = true where id = :id")
						.param("previous", previous).param("hash", hash).param("id", row.id()).update();
				previous = hash;
			}
			jdbc.sql("alter table audit.audit_event enable trigger audit_event_append_only").update();
			jdbc.sql("update audit.chain_head set last_id = :id, last_hash = :hash")
					.param("id", rows.get(rows.size() - 1).id()).param("hash", previous).update();
			LoggerFactory.getLogger(AuditLog.class).info("Re-signed {} audit rows under the chain key", rows.size());
		});
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(Actor actor, String action, String target, AuditOutcome outcome, String detail) {
		append(actor.username(), actor.role().name(), actor.scope().toString(), action, target, outcome, detail);
	}

	/**
	 * The same action on many targets (a file's thousands of enrolments), as the same records {@link #record} would
	 * write one by one: one lock, each row chained to the one before, inserted by one statement.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAll(Actor actor, String action, List<String> targets, AuditOutcome outcome) {
		if (targets.isEmpty()) {
			return;
		}
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query(Object.class).single();
		var previous = jdbc.sql("select hash from audit.audit_event order by id desc limit 1")
				.query(byte[].class).optional().orElse(null);
		var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var address = clientAddress();
		var hex = HexFormat.of();
		var previousHashes = new String[targets.size()];
		var hashes = new String[targets.size()];
		for (int i = 0; i < targets.size(); i++) {
			var hash = AuditEvent.chainHash(key, previous, at, actor.username(), actor.role().name(),
					actor.scope().toString(), action, targets.get(i), outcome, address, null);
			previousHashes[i] = previous == null ? null : hex.formatHex(previous);
			hashes[i] = hex.formatHex(hash);
			previous = hash;
		}
		// ids follow the order of the rows, so the chain reads in id order as record's rows do
		var last = jdbc.sql("""
				insert into audit.audit_event (occurred_at, account, role, scope, action, target, outcome,
				                               client_address, previous_hash, hash)
				select :at, :account, :role, :scope, :action, r.target, :outcome, :address, decode(r.previous, 'hex'),
				       decode(r.hash, 'hex')
				from unnest(cast(:targets as text[]), cast(:previous as text[]), cast(:hashes as text[]))
				     with ordinality r(target, previous, hash, n)
				order by r.n
				returning id
				""").param("at", Timestamp.from(at)).param("account", actor.username())
				.param("role", actor.role().name()).param("scope", actor.scope().toString()).param("action", action)
				.param("outcome", outcome.name()).param("address", address)
				.param("targets", targets.toArray(String[]::new)).param("previous", previousHashes)
				.param("hashes", hashes).query(Long.class).list().stream().mapToLong(Long::longValue).max().orElseThrow();
		jdbc.sql("""
				insert into audit.chain_head (last_id, last_hash) values (:id, :hash)
				on conflict (singleton) do update set last_id = excluded.last_id, last_hash = excluded.last_hash
				""").param("id", last).param("hash", previous).update();
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
		var hash = AuditEvent.chainHash(key, previous, at, account, role, scope, action, target, outcome, address, detail);
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
		var rows = new ArrayList<>(filtered(jdbc.sql("select * from audit.audit_event " + FILTER
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
			Collections.reverse(rows);
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
	public long export(Actor auditor, AuditQuery query, int limit, Consumer<AuditEvent> row) {
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
		if (result.intact()) {
			checkpoint();
		}
		return result;
	}

	ChainVerification verifyChain() {
		var checked = new long[1];
		var broken = new ChainVerification.Break[1];
		var previous = new byte[][] { null };
		var first = new AuditEvent[1];
		var marks = checkpoints.read();
		var marked = new HashMap<Long, byte[]>();
		marks.forEach(m -> marked.put(m.id(), m.hash()));
		var found = new HashMap<Long, byte[]>();
		try (var rows = jdbc.sql("select * from audit.audit_event order by id").withFetchSize(1000)
				.query(AuditLog::map).stream()) {
			rows.takeWhile(e -> broken[0] == null).forEach(event -> {
				// the oldest kept row may follow rows deleted after the retention period: its link is checked
				// against the checkpoints below
				if (first[0] != null && !Arrays.equals(event.previousHash(), previous[0])) {
					broken[0] = new ChainVerification.Break(event.id(), "link");
				}
				else if (!event.keyed() || !Arrays.equals(event.hash(), event.expectedHash(key))) {
					broken[0] = new ChainVerification.Break(event.id(), "content");
				}
				else {
					checked[0]++;
					previous[0] = event.hash();
					if (first[0] == null) {
						first[0] = event;
					}
					if (marked.containsKey(event.id())) {
						found.put(event.id(), event.hash());
					}
				}
			});
		}
		var start = first[0] == null ? null
				: new ChainVerification.Start(first[0].id(), first[0].occurredAt(),
						first[0].previousHash() == null ? null : HexFormat.of().formatHex(first[0].previousHash()));
		if (broken[0] == null) {
			broken[0] = checkpointBreak(marks, found, first[0]);
		}
		if (broken[0] == null) {
			// the newest rows deleted: no row is left to break, but the head remembers what the last link was
			var head = jdbc.sql("select last_id, last_hash from audit.chain_head")
					.query((rs, i) -> new Object[] { rs.getLong(1), rs.getBytes(2) }).optional();
			if (head.isPresent() && (previous[0] == null || !Arrays.equals((byte[]) head.get()[1], previous[0]))) {
				broken[0] = new ChainVerification.Break((Long) head.get()[0], "head");
			}
		}
		return new ChainVerification(checked[0], broken[0] == null ? null : broken[0].id(),
				broken[0] == null ? null : broken[0].problem(), start, marks.size());
	}

	/**
	 * What the checkpoints outside the database say: each is signed; each row they name that is still kept has the
	 * hash they saw; a row they name that is gone was older than the retention period when it went.
	 */
	private ChainVerification.Break checkpointBreak(List<AuditCheckpoints.Checkpoint> marks,
			Map<Long, byte[]> found, AuditEvent first) {
		var keptFrom = first == null ? Long.MAX_VALUE : first.id();
		var cutOff = clock.instant().minus(RETENTION);
		for (var mark : marks) {
			if (!mark.signed()) {
				return new ChainVerification.Break(Math.max(mark.id(), 0), "checkpoint-forged");
			}
			if (mark.id() >= keptFrom) {
				var hash = found.get(mark.id());
				if (hash == null || !Arrays.equals(hash, mark.hash())) {
					return new ChainVerification.Break(mark.id(), "checkpoint");
				}
			}
			else if (mark.occurredAt().isAfter(cutOff)) {
				return new ChainVerification.Break(mark.id(), "truncated");
			}
		}
		return null;
	}

	/** Appends the chain's newest row to the checkpoints outside the database (hourly, and at every verification). */
	@Scheduled(fixedDelayString = "${gongjiang.audit.checkpoint-interval:PT1H}",
			initialDelayString = "PT1M")
	public void checkpoint() {
		jdbc.sql("""
				select e.id, e.hash, e.occurred_at from audit.chain_head h join audit.audit_event e on e.id = h.last_id
				""").query((rs, i) -> new Object[] { rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant() })
				.optional().ifPresent(head -> checkpoints.append((Long) head[0], (byte[]) head[1], (Instant) head[2],
						clock.instant()));
	}

	/** Refuses anyone but the auditor; a download checks before its first byte, so the refusal can still be said. */
	public static void requireAuditor(Actor actor) {
		if (!actor.is(Role.AUDITOR)) {
			throw new AccessDeniedException("audit log is for the auditor");
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
				rs.getBytes("previous_hash"), rs.getBytes("hash"), rs.getBoolean("keyed"));
	}
}
