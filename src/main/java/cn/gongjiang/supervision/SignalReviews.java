package cn.gongjiang.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.subsidy.ClaimSignals;
import cn.gongjiang.training.TrainingSignals;

/**
 * The anomaly signals an officer works through (SUP-3): training's (overlaps, late attendance, shared devices,
 * certificates without training) and subsidy's claims over caps. Each is open until an officer marks it reviewed
 * with a note, and open again when it is seen anew after the review (more late attendance, another refused attempt).
 */
@Service
public class SignalReviews {

	/** A signal, training's or a claim's (one of the two is null), and its review, if any. */
	public record Reviewed(TrainingSignals.Signal signal, ClaimSignals.Signal claim, String note, String reviewedBy,
			Instant reviewedAt) {

		public String key() {
			return signal != null ? signal.key() : claim.key();
		}

		public String kind() {
			return signal != null ? signal.kind() : claim.kind();
		}

		public Instant seenAt() {
			return signal != null ? signal.seenAt() : claim.seenAt();
		}

		public boolean open() {
			return reviewedAt == null || seenAt().isAfter(reviewedAt);
		}
	}

	/** What a signals list is narrowed to: OPEN (the default), REVIEWED or ALL. */
	public static final List<String> STATUSES = List.of("OPEN", "REVIEWED", "ALL");

	/** Every kind of signal, training's first. */
	public static final List<String> KINDS = Stream
			.concat(TrainingSignals.KINDS.stream(), ClaimSignals.KINDS.stream()).toList();

	private final TrainingSignals signals;
	private final ClaimSignals claims;
	private final JdbcClient jdbc;
	private final AuditLog audit;

	SignalReviews(TrainingSignals signals, ClaimSignals claims, JdbcClient jdbc, AuditLog audit) {
		this.signals = signals;
		this.claims = claims;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The officer's signals with their reviews, narrowed by kind and status; newest first. */
	@Transactional(readOnly = true)
	public Page<Reviewed> page(Actor actor, String kind, String status, PageRequest request) {
		var wanted = status == null || !STATUSES.contains(status) ? "OPEN" : status;
		var all = reviewed(actor).stream().filter(r -> kind == null || kind.isBlank() || r.kind().equals(kind))
				.filter(r -> wanted.equals("ALL") || (wanted.equals("OPEN") == r.open())).toList();
		return Page.slice(all, request);
	}

	/** How many signals wait for the officer's review. */
	@Transactional(readOnly = true)
	public long open(Actor actor) {
		return reviewed(actor).stream().filter(Reviewed::open).count();
	}

	@Transactional
	public void review(Actor actor, String key, String note) {
		if (note == null || note.isBlank()) {
			throw new InvalidValueException("supervision.signal.note-required");
		}
		if (reviewed(actor).stream().noneMatch(r -> r.key().equals(key))) {
			throw new NotFoundException("supervision.signal.not-found");
		}
		jdbc.sql("""
				insert into supervision.signal_review (signal_key, note, reviewed_by) values (:key, :note, :user)
				on conflict (signal_key) do update set note = excluded.note, reviewed_by = excluded.reviewed_by,
				    reviewed_at = now()
				""").param("key", key).param("note", note.strip()).param("user", actor.username()).update();
		audit.record(actor, "supervision.signal.review", key, AuditOutcome.SUCCESS, null);
	}

	/** Every signal of the officer's region with its review, newest first. */
	@Transactional(readOnly = true)
	public List<Reviewed> all(Actor actor) {
		return reviewed(actor);
	}

	private List<Reviewed> reviewed(Actor actor) {
		var found = new ArrayList<Reviewed>();
		signals.signals(actor).forEach(s -> found.add(new Reviewed(s, null, null, null, null)));
		claims.signals(actor).forEach(c -> found.add(new Reviewed(null, c, null, null, null)));
		found.sort(Comparator.comparing(Reviewed::seenAt).reversed());
		var reviews = new HashMap<String, Object[]>();
		if (!found.isEmpty()) {
			jdbc.sql("select signal_key, note, reviewed_by, reviewed_at from supervision.signal_review where signal_key = any(:keys)")
					.param("keys", found.stream().map(Reviewed::key).toArray(String[]::new))
					.query((rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getTimestamp(4).toInstant() })
					.list().forEach(r -> reviews.put((String) r[0], r));
		}
		return found.stream().map(s -> {
			var r = reviews.get(s.key());
			return r == null ? s : new Reviewed(s.signal(), s.claim(), (String) r[1], (String) r[2], (Instant) r[3]);
		}).toList();
	}
}
