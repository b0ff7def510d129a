package cn.gongjiang.subsidy.decisions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.shared.Money;
import cn.gongjiang.subsidy.FundingSource;

/**
 * The budgets (预算) that decisions are committed against, per paying region, funding source and year: the one place
 * that writes {@code subsidy.budget}. A grant commits its amount or, when what is left cannot carry it, waits; a
 * grant taken back releases what it held.
 */
@Component
public class Budgets {

	private final JdbcClient jdbc;

	Budgets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A budget a decision draws on. */
	public record Key(String region, FundingSource source, int year) {
	}

	/** Commits the amount if what is left can carry it; false (nothing committed) when it cannot. */
	public boolean commit(Key key, Money amount) {
		return key.region() != null && jdbc.sql("""
				update subsidy.budget set committed = committed + :amount
				where region_code = :region and funding_source = :source and year = :year
				  and allocated - committed >= :amount
				""").param("amount", amount.json()).param("region", key.region()).param("source", key.source().name())
				.param("year", key.year()).update() == 1;
	}

	/**
	 * Commits each amount to its budget, all or none: false when a budget cannot carry its amount (what was committed
	 * then must be rolled back with the caller's transaction). Two statements whatever the number of budgets (a bulk
	 * chunk funds ≈ 180, one update each was a twentieth of its time): the rows are locked first in one fixed order,
	 * as every chunk locks them, so that two workers funding from the same budgets wait for each other and never
	 * deadlock, then updated at once.
	 */
	boolean commitAll(Map<Key, Money> amounts) {
		var keys = amounts.entrySet().stream().filter(e -> e.getKey().region() != null).toList();
		if (keys.size() < amounts.size()) {
			return false;
		}
		if (keys.isEmpty()) {
			return true;
		}
		var regions = keys.stream().map(e -> e.getKey().region()).toArray(String[]::new);
		var sources = keys.stream().map(e -> e.getKey().source().name()).toArray(String[]::new);
		var years = keys.stream().map(e -> e.getKey().year()).toArray(Integer[]::new);
		var sums = keys.stream().map(e -> e.getValue().json().toPlainString()).toArray(String[]::new);
		jdbc.sql("""
				select 1 from subsidy.budget b
				join unnest(cast(:regions as text[]), cast(:sources as text[]), cast(:years as integer[])) w(r, s, y)
				  on b.region_code = w.r and b.funding_source = w.s and b.year = w.y
				order by b.region_code, b.funding_source, b.year
				for no key update of b
				""").param("regions", regions).param("sources", sources).param("years", years).query(Integer.class)
				.list();
		return jdbc.sql("""
				update subsidy.budget b set committed = b.committed + w.amount
				from unnest(cast(:regions as text[]), cast(:sources as text[]), cast(:years as integer[]),
				            cast(:amounts as numeric[])) w(r, s, y, amount)
				where b.region_code = w.r and b.funding_source = w.s and b.year = w.y
				  and b.allocated - b.committed >= w.amount
				""").param("regions", regions).param("sources", sources).param("years", years).param("amounts", sums)
				.update() == keys.size();
	}

	public void release(Key key, Money amount) {
		jdbc.sql("""
				update subsidy.budget set committed = committed - :amount
				where region_code = :region and funding_source = :source and year = :year
				""").param("amount", amount.json()).param("region", key.region()).param("source", key.source().name())
				.param("year", key.year()).update();
	}

	public void allocate(Key key, Money amount) {
		jdbc.sql("""
				insert into subsidy.budget (region_code, funding_source, year, allocated)
				values (:region, :source, :year, :amount)
				on conflict (region_code, funding_source, year)
				do update set allocated = subsidy.budget.allocated + excluded.allocated
				""").param("region", key.region()).param("source", key.source().name()).param("year", key.year())
				.param("amount", amount.json()).update();
	}

	/** What is left of each budget asked for; a budget never allocated is absent. */
	Map<Key, Money> left(List<Key> keys) {
		var left = new HashMap<Key, Money>();
		if (keys.isEmpty()) {
			return left;
		}
		jdbc.sql("""
				select region_code, funding_source, year, allocated - committed from subsidy.budget
				where (region_code || '/' || funding_source || '/' || year) = any(:keys)
				""").param("keys", keys.stream().map(k -> k.region() + "/" + k.source().name() + "/" + k.year())
				.toArray(String[]::new))
				.query((rs, i) -> left.put(new Key(rs.getString(1), FundingSource.valueOf(rs.getString(2)), rs.getInt(3)),
						Money.of(rs.getBigDecimal(4))))
				.list();
		return left;
	}
}
