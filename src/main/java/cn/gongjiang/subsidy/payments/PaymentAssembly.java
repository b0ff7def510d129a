package cn.gongjiang.subsidy.payments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a payment batch from the queue in chunks (what is granted in effect, as {@code decision_in_effect} says), each chunk its own transaction, in decision order. A process killed
 * half-way leaves the batch ASSEMBLING with whole chunks in it; {@link #assemble} run again continues after the last
 * decision taken, and the unique live line per decision keeps any decision from being taken twice.
 */
@Component
public class PaymentAssembly {

	static final int CHUNK = 2_000;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	public PaymentAssembly(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Assembles the batch to the end of the queue and leaves it DRAFT; returns its line count. */
	public int assemble(long batchId) {
		while (nextChunk(batchId, CHUNK) > 0) {
			// next chunk
		}
		return finish(batchId);
	}

	/** Takes up to {@code size} more due decisions into the batch; 0 when the queue is exhausted. */
	public int nextChunk(long batchId, int size) {
		return transactions.execute(tx -> {
			var batch = jdbc.sql("""
					select paying_region, funding_source from subsidy.payment_batch where id = :id and status = 'ASSEMBLING'
					for no key update
					""").param("id", batchId).query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
					.optional();
			if (batch.isEmpty()) {
				return 0;
			}
			var after = jdbc.sql("select coalesce(max(decision_id), 0) from subsidy.payment_line where batch_id = :id")
					.param("id", batchId).query(Long.class).single();
			return jdbc.sql("""
					insert into subsidy.payment_line (batch_id, decision_id, amount)
					select :batch, d.id, d.effective_amount
					from subsidy.decision_in_effect d
					where d.paying_region = :region and d.funding_source = :source and d.id > :after
					  and d.effective_outcome = 'GRANTED' and not d.recovery_due
					  and not exists (select 1 from subsidy.payment_line l where l.decision_id = d.id and l.status <> 'FAILED')
					order by d.id limit :size
					on conflict do nothing
					""").param("batch", batchId).param("region", batch.get()[0]).param("source", batch.get()[1])
					.param("after", after).param("size", size).update();
		});
	}

	/** Counts and totals the batch and makes it a DRAFT for approval. */
	public int finish(long batchId) {
		return transactions.execute(tx -> {
			PaymentBatches.recount(jdbc, batchId);
			jdbc.sql("update subsidy.payment_batch set status = 'DRAFT', version = version + 1 where id = :id and status = 'ASSEMBLING'")
					.param("id", batchId).update();
			return jdbc.sql("select line_count from subsidy.payment_batch where id = :id").param("id", batchId)
					.query(Integer.class).single();
		});
	}
}
