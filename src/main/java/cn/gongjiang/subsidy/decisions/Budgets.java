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
