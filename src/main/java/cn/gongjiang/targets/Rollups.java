package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.security.Actor;

/**
 * The extension point for actuals (TGT-2). A module's event listener says what one of its records contributes to a
 * fact ({@link #set}); the contribution is kept once per record and the daily rollup at every level of its region
 * moves by the difference, so a replayed event changes nothing and the dashboard never scans raw records.
 * {@link #rebuild} recomputes the rollup from the contributions and must give the same numbers.
 */
@Service
public class Rollups {

	private final JdbcClient jdbc;
	private final SkilledStock stock;
	private final Clock clock;
	private final AuditLog audit;

	Rollups(JdbcClient jdbc, AuditLog audit, SkilledStock stock, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.stock = stock;
		this.clock = clock;
	}

	/** What the record {@code sourceKey} contributes to {@code fact}; an empty contribution: it no longer counts. */
	public record Change(String fact, String sourceKey, Optional<Contribution> contribution) {
	}

	/** Sets what the record {@code sourceKey} contributes to {@code fact}; empty: it no longer counts. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void set(String fact, String sourceKey, Optional<Contribution> contribution) {
		setAll(List.of(new Change(fact, sourceKey, contribution)));
	}

	/**
	 * Several records' changes in one transaction (an imported chunk), the last one given for a record counting: the
	 * chunk's contributions are read and locked in one statement, in (fact, record) order, deleted and inserted in
	 * one statement each, and the daily rollup moves last, in one statement in (fact, region, day) order. Listeners of
	 * concurrent chunks touch the same province and city rows; taking the locks in one order makes them wait for
	 * each other instead of deadlocking.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void setAll(Collection<Change> changes) {
		var last = new TreeMap<Record, Change>();
		changes.forEach(change -> last.put(new Record(change.fact(), change.sourceKey()), change));
		var moves = new TreeMap<Daily, BigDecimal>();
		if (last.size() == 1) {
			apply(last.firstEntry().getValue(), moves);
		}
		else if (!last.isEmpty()) {
			applyAll(last, moves);
		}
		move(moves);
	}

	/** A counted record: the fact and the record's key. */
	private record Record(String fact, String sourceKey) implements Comparable<Record> {

		private static final Comparator<Record> ORDER = Comparator.comparing(Record::fact)
				.thenComparing(Record::sourceKey);

		@Override
		public int compareTo(Record other) {
			return ORDER.compare(this, other);
		}
	}

	private void applyAll(SortedMap<Record, Change> changes, Map<Daily, BigDecimal> moves) {
		var existing = new HashMap<Record, Contribution>();
		jdbc.sql("""
				select c.fact, c.source_key, c.region_path, c.occurred_on, c.amount, c.evidence
				from targets.contribution c
				join unnest(cast(:facts as text[]), cast(:keys as text[])) k(fact, source_key) using (fact, source_key)
				order by c.fact, c.source_key
				for update of c
				""").param("facts", facts(changes.keySet())).param("keys", keys(changes.keySet()))
				.query((rs, row) -> existing.put(new Record(rs.getString(1), rs.getString(2)), new Contribution(
						rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getString(6))))
				.list();
		var gone = new ArrayList<Record>();
		var added = new ArrayList<Change>();
		changes.forEach((record, change) -> {
			var old = Optional.ofNullable(existing.get(record));
			var now = change.contribution();
			if (old.isPresent() && now.isPresent() && same(old.get(), now.get())) {
				return;
			}
			old.ifPresent(o -> {
				gone.add(record);
				add(moves, record.fact(), o, o.amount().negate());
			});
			now.ifPresent(c -> added.add(change));
		});
		if (!gone.isEmpty()) {
			jdbc.sql("""
					delete from targets.contribution c
					using unnest(cast(:facts as text[]), cast(:keys as text[])) k(fact, source_key)
					where c.fact = k.fact and c.source_key = k.source_key
					""").param("facts", facts(gone)).param("keys", keys(gone)).update();
		}
		if (added.isEmpty()) {
			return;
		}
		var inserted = new HashSet<Record>(jdbc.sql("""
				insert into targets.contribution (fact, source_key, region_path, occurred_on, amount, evidence)
				select * from unnest(cast(:facts as text[]), cast(:keys as text[]), cast(:paths as text[]),
				                     cast(:days as text[])::date[], cast(:amounts as numeric[]), cast(:evidence as text[]))
				on conflict do nothing
				returning fact, source_key
				""").param("facts", added.stream().map(Change::fact).toArray(String[]::new))
				.param("keys", added.stream().map(Change::sourceKey).toArray(String[]::new))
				.param("paths", added.stream().map(c -> c.contribution().get().regionPath()).toArray(String[]::new))
				.param("days", added.stream().map(c -> c.contribution().get().occurredOn().toString())
						.toArray(String[]::new))
				.param("amounts", added.stream().map(c -> c.contribution().get().amount()).toArray(BigDecimal[]::new))
				.param("evidence", added.stream().map(c -> c.contribution().get().evidence()).toArray(String[]::new))
				.query((rs, row) -> new Record(rs.getString(1), rs.getString(2))).list());
		for (var change : added) {
			if (inserted.contains(new Record(change.fact(), change.sourceKey()))) {
				add(moves, change.fact(), change.contribution().get(), change.contribution().get().amount());
			}
			else { // a concurrent listener inserted it first: start again from its row
				apply(change, moves);
			}
		}
	}

	private static String[] facts(Collection<Record> records) {
		return records.stream().map(Record::fact).toArray(String[]::new);
	}

	private static String[] keys(Collection<Record> records) {
		return records.stream().map(Record::sourceKey).toArray(String[]::new);
	}

	private void apply(Change change, Map<Daily, BigDecimal> moves) {
		var fact = change.fact();
		var key = change.sourceKey();
		var contribution = change.contribution();
		var existing = jdbc.sql("""
				select region_path, occurred_on, amount, evidence from targets.contribution
				where fact = :fact and source_key = :key for update
				""").param("fact", fact).param("key", key).query(Contribution.class).optional();
		if (existing.map(e -> contribution.filter(c -> same(e, c)).isPresent()).orElse(contribution.isEmpty())) {
			return;
		}
		existing.ifPresent(old -> {
			jdbc.sql("delete from targets.contribution where fact = :fact and source_key = :key").param("fact", fact)
					.param("key", key).update();
			add(moves, fact, old, old.amount().negate());
		});
		contribution.ifPresent(c -> {
			int inserted = jdbc.sql("""
					insert into targets.contribution (fact, source_key, region_path, occurred_on, amount, evidence)
					values (:fact, :key, :path, :day, :amount, :evidence) on conflict do nothing
					""").param("fact", fact).param("key", key).param("path", c.regionPath())
					.param("day", c.occurredOn()).param("amount", c.amount()).param("evidence", c.evidence()).update();
			if (inserted == 1) {
				add(moves, fact, c, c.amount());
			}
			else { // a concurrent listener inserted it first: start again from its row
				apply(change, moves);
			}
		});
	}

	private static boolean same(Contribution a, Contribution b) {
		return a.regionPath().equals(b.regionPath()) && a.occurredOn().equals(b.occurredOn())
				&& a.amount().compareTo(b.amount()) == 0 && a.evidence().equals(b.evidence());
	}

	/** A row of the daily rollup. */
	private record Daily(String fact, String regionCode, LocalDate day) implements Comparable<Daily> {

		private static final Comparator<Daily> ORDER = Comparator.comparing(Daily::fact)
				.thenComparing(Daily::regionCode).thenComparing(Daily::day);

		@Override
		public int compareTo(Daily other) {
			return ORDER.compare(this, other);
		}
	}

	private static void add(Map<Daily, BigDecimal> moves, String fact, Contribution c, BigDecimal delta) {
		for (var code : c.regionCodes()) {
			moves.merge(new Daily(fact, code, c.occurredOn()), delta, BigDecimal::add);
		}
	}

	private void move(SortedMap<Daily, BigDecimal> moves) {
		var rows = moves.entrySet().stream().filter(m -> m.getValue().signum() != 0).toList();
		if (rows.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into targets.actual_daily (fact, region_code, day, amount)
				select fact, code, cast(day as date), delta
				from unnest(cast(:facts as text[]), cast(:codes as text[]), cast(:days as text[]),
				            cast(:deltas as numeric[])) with ordinality as m(fact, code, day, delta, n)
				order by n
				on conflict (fact, region_code, day) do update set amount = targets.actual_daily.amount + excluded.amount
				""")
				.param("facts", rows.stream().map(m -> m.getKey().fact()).toArray(String[]::new))
				.param("codes", rows.stream().map(m -> m.getKey().regionCode()).toArray(String[]::new))
				.param("days", rows.stream().map(m -> m.getKey().day().toString()).toArray(String[]::new))
				.param("deltas", rows.stream().map(Map.Entry::getValue).toArray(BigDecimal[]::new)).update();
	}

	/** An officer's rebuild, on the audit log. */
	@Transactional
	public void rebuild(Actor actor) {
		rebuild();
		audit.record(actor, "targets.rollups.rebuild", null, AuditOutcome.SUCCESS, null);
	}

	/** Recomputes the whole rollup from the contributions. */
	@Transactional
	public void rebuild() {
		jdbc.sql("lock table targets.contribution in share mode").update();
		jdbc.sql("delete from targets.actual_daily").update();
		jdbc.sql("""
				insert into targets.actual_daily (fact, region_code, day, amount)
				select c.fact, code, c.occurred_on, sum(c.amount)
				from targets.contribution c
				cross join lateral unnest(string_to_array(trim(both '/' from c.region_path), '/')) code
				group by c.fact, code, c.occurred_on
				""").update();
	}

	/**
	 * The fact's total at a region between two days (either may be null: open); for a stock ({@code STOCK_*}), what
	 * there is on the last day, whatever the first, and null when it cannot be known (a share without its base).
	 */
	@Transactional(readOnly = true)
	public BigDecimal total(String fact, String regionCode, LocalDate from, LocalDate until) {
		if (SkilledStock.measures(fact)) {
			return stock.on(fact, regionCode, until == null ? LocalDate.now(clock) : until);
		}
		return jdbc.sql("""
				select coalesce(sum(amount), 0) from targets.actual_daily
				where fact = :fact and region_code = :region
				  and day >= coalesce(cast(:from as date), date '-infinity')
				  and day <= coalesce(cast(:until as date), date 'infinity')
				""").param("fact", fact).param("region", regionCode).param("from", from).param("until", until)
				.query(BigDecimal.class).single();
	}
}
