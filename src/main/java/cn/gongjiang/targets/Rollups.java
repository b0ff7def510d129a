package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

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

	/** Sets what the record {@code sourceKey} contributes to {@code fact}; empty: it no longer counts. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void set(String fact, String sourceKey, Optional<Contribution> contribution) {
		var existing = jdbc.sql("""
				select region_path, occurred_on, amount, evidence from targets.contribution
				where fact = :fact and source_key = :key for update
				""").param("fact", fact).param("key", sourceKey).query(Contribution.class).optional();
		if (existing.map(e -> contribution.filter(c -> same(e, c)).isPresent()).orElse(contribution.isEmpty())) {
			return;
		}
		existing.ifPresent(old -> {
			jdbc.sql("delete from targets.contribution where fact = :fact and source_key = :key").param("fact", fact)
					.param("key", sourceKey).update();
			move(fact, old, old.amount().negate());
		});
		contribution.ifPresent(c -> {
			int inserted = jdbc.sql("""
					insert into targets.contribution (fact, source_key, region_path, occurred_on, amount, evidence)
					values (:fact, :key, :path, :day, :amount, :evidence) on conflict do nothing
					""").param("fact", fact).param("key", sourceKey).param("path", c.regionPath())
					.param("day", c.occurredOn()).param("amount", c.amount()).param("evidence", c.evidence()).update();
			if (inserted == 1) {
				move(fact, c, c.amount());
			}
			else { // a concurrent listener inserted it first: start again from its row
				set(fact, sourceKey, contribution);
			}
		});
	}

	private static boolean same(Contribution a, Contribution b) {
		return a.regionPath().equals(b.regionPath()) && a.occurredOn().equals(b.occurredOn())
				&& a.amount().compareTo(b.amount()) == 0 && a.evidence().equals(b.evidence());
	}

	private void move(String fact, Contribution c, BigDecimal delta) {
		jdbc.sql("""
				insert into targets.actual_daily (fact, region_code, day, amount)
				select :fact, code, :day, :delta from unnest(cast(:codes as text[])) code
				on conflict (fact, region_code, day) do update set amount = targets.actual_daily.amount + excluded.amount
				""").param("fact", fact).param("day", c.occurredOn()).param("delta", delta)
				.param("codes", c.regionCodes()).update();
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
