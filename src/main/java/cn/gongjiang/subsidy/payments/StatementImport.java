package cn.gongjiang.subsidy.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.subsidy.SubsidyOutcomesRecorded;

/**
 * The bank's statement for sent batches (kind {@code payment-statement}, SUB-3): one row per line, by the reference
 * of the bank file, paid or failed with the bank's reason. A paid line is settled for good; a failed one sends its
 * decision back to the queue. The same statement again changes nothing; a row contradicting a settled line is refused.
 */
@Component
class StatementImport extends StagedImport {

	static final String REFERENCE = "明细编号", AMOUNT = "金额（元）", RESULT = "结果", REASON = "失败原因",
			BANK_REFERENCE = "银行流水号";
	private static final Pattern REF = Pattern.compile("GJ(\\d{1,18})-(\\d{1,18})");
	private static final Set<String> PAID = Set.of("成功", "SUCCESS", "PAID"), FAILED = Set.of("失败", "FAILED", "FAIL");

	private final ApplicationEventPublisher events;
	private final Clock clock;

	StatementImport(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		super("payment-statement", List.of(ImportColumn.required(REFERENCE, "银行文件中的明细编号，如 GJ12-345"),
				ImportColumn.required(AMOUNT, "实际处理金额，须与明细一致"), ImportColumn.required(RESULT, "成功 或 失败"),
				ImportColumn.optional(REASON, "失败时必填：银行返回的原因"), ImportColumn.optional(BANK_REFERENCE, "银行流水号")),
				"subsidy.statement_staging", List.of("line_id", "amount", "paid", "failure_reason", "bank_reference"),
				jdbc);
		this.events = events;
		this.clock = clock;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.regionalOfficer();
	}

	private record Line(long id, long batchId, Money amount, PaymentStatus status, String path, String batchStatus) {
	}

	/** A line the statement settled. */
	private record Settled(long id, long batchId, PaymentStatus status, long decisionId) {
	}

	@Override
	public RowChecker checker(Actor actor) {
		var rows = rowCheck();
		return row -> rows.check(row, () -> {
			var m = REF.matcher(row.get(REFERENCE));
			if (!m.matches()) {
				return CheckedRow.rejected(row, REFERENCE, "payment.reference.format", row.get(REFERENCE));
			}
			var result = row.get(RESULT).strip().toUpperCase(Locale.ROOT);
			var paid = PAID.contains(result);
			if (!paid && !FAILED.contains(result)) {
				return CheckedRow.rejected(row, RESULT, "payment.result.unknown", row.get(RESULT));
			}
			var reason = row.get(REASON);
			if (!paid && (reason == null || reason.isBlank())) {
				return CheckedRow.rejected(row, REASON, "payment.reason.required");
			}
			var amount = row.read(AMOUNT, a -> new BigDecimal(a.replace(",", "")));
			var line = jdbc.sql("""
					select l.id, l.batch_id, l.amount, l.status, b.paying_path, b.status
					from subsidy.payment_line l join subsidy.payment_batch b on b.id = l.batch_id
					where l.id = :line and l.batch_id = :batch
					""").param("line", Long.parseLong(m.group(2))).param("batch", Long.parseLong(m.group(1)))
					.query((rs, i) -> new Line(rs.getLong(1), rs.getLong(2), Money.of(rs.getBigDecimal(3)),
							PaymentStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6))).optional();
			if (line.isEmpty() || !line.get().path().startsWith(actor.scope().regionPath())) {
				return CheckedRow.rejected(row, REFERENCE, "payment.line.not-found", row.get(REFERENCE));
			}
			var l = line.get();
			if (l.status() == PaymentStatus.PENDING) {
				return CheckedRow.rejected(row, REFERENCE, "payment.line.not-sent", row.get(REFERENCE));
			}
			if (l.amount().toBigDecimal().compareTo(amount) != 0) {
				return CheckedRow.rejected(row, AMOUNT, "payment.amount.mismatch", amount.toPlainString(),
						l.amount().json().toPlainString());
			}
			if ((l.status() == PaymentStatus.PAID && !paid) || (l.status() == PaymentStatus.FAILED && paid)) {
				return CheckedRow.rejected(row, RESULT, "payment.line.settled", l.status().name());
			}
			return CheckedRow.staged(Arrays.asList(String.valueOf(l.id()), amount.toPlainString(),
					String.valueOf(paid), paid ? null : reason.strip(), row.get(BANK_REFERENCE)));
		});
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return duplicatesInFile(job, "line_id", REFERENCE);
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = staged(job, fromRow, toRow);
		var settled = overRows("""
				update subsidy.payment_line l
				set status = case when s.paid then 'PAID' else 'FAILED' end, failure_reason = s.failure_reason,
				    bank_reference = s.bank_reference, settled_at = now()
				from subsidy.statement_staging s
				where s.job_id = :job and s.row_number between :from and :to and l.id = s.line_id and l.status = 'SENT'
				returning l.id, l.batch_id, l.status, l.decision_id
				""", job, fromRow, toRow)
				.query((rs, i) -> new Settled(rs.getLong(1), rs.getLong(2), PaymentStatus.valueOf(rs.getString(3)),
						rs.getLong(4))).list();
		// the beneficiary's archive records the money paid
		var paid = settled.stream().filter(r -> r.status() == PaymentStatus.PAID).map(Settled::decisionId).toList();
		if (!paid.isEmpty()) {
			var outcomes = jdbc.sql("""
					select person_id, certificate_number, scheme, amount, period from subsidy.decision_in_effect
					where id = any(:ids) and person_id is not null and beneficiary_kind = 'PERSON'
					""").param("ids", paid.toArray(Long[]::new))
					// codes the archive renders in the reader's language, as the decision's own entry (REG-4)
					.query((rs, i) -> new SubsidyOutcomesRecorded.Outcome(PersonId.of(rs.getLong(1)), LocalDate.now(clock),
							rs.getString(2), rs.getString(3), "PAID", Money.ofNullable(rs.getBigDecimal(4)),
							"subsidy.paid", List.of()))
					.list();
			if (!outcomes.isEmpty()) {
				events.publishEvent(new SubsidyOutcomesRecorded(outcomes));
			}
		}
		settled.stream().map(Settled::batchId).distinct().forEach(batch -> jdbc.sql("""
				update subsidy.payment_batch set status = 'CLOSED', version = version + 1
				where id = :id and status = 'SENT'
				  and not exists (select 1 from subsidy.payment_line where batch_id = :id and status in ('PENDING', 'SENT'))
				""").param("id", batch).update());
		return new MergeCounts(settled.size(), staged - settled.size());
	}
}
