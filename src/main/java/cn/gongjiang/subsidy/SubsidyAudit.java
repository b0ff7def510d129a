package cn.gongjiang.subsidy;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.web.Formats;
import cn.gongjiang.shared.web.Sheets;
import cn.gongjiang.subsidy.payments.PaymentLine;

/**
 * The money of a year for the third-party audit of subsidy funds (SUP-4, issue 16): every decision with its amount in
 * effect, funding source, payment batch, bank reference and payment state; and every batch that paid any of them with
 * its total, so that the auditor can add up the first and find the second. Read in one repeatable-read transaction:
 * the two sheets are one moment's books.
 */
@Service
public class SubsidyAudit {

	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final RegionDirectory regions;

	SubsidyAudit(JdbcClient jdbc, MessageSource messages, RegionDirectory regions) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.regions = regions;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<Sheets.Sheet> sheets(int year, Locale locale) {
		var decisions = new ArrayList<List<Object>>();
		jdbc.sql("""
				select d.id, d.scheme, d.beneficiary_masked, d.certificate_number, d.claim_id, d.period, d.paying_region,
				       d.funding_source, d.effective_outcome, d.effective_amount, d.payment_status, l.batch_id, l.id as line_id,
				       l.amount as line_amount
				from subsidy.decision_in_effect d
				left join subsidy.payment_line l on l.decision_id = d.id and l.status <> 'FAILED'
				where d.year = :year
				order by d.id, l.id
				""").param("year", year).query((rs, i) -> {
					var batch = (Long) rs.getObject("batch_id");
					var line = (Long) rs.getObject("line_id");
					decisions.add(Sheets.row(rs.getLong("id"), word("subsidy.scheme." + rs.getString("scheme"), locale),
							text(rs.getString("beneficiary_masked")), text(rs.getString("certificate_number")),
							rs.getObject("claim_id") == null ? "" : rs.getLong("claim_id"), text(rs.getString("period")),
							place(rs.getString("paying_region")), source(rs.getString("funding_source"), locale),
							word("subsidy.outcome." + rs.getString("effective_outcome"), locale),
							amount(rs.getBigDecimal("effective_amount")),
							word("subsidy.payment." + rs.getString("payment_status"), locale), batch == null ? "" : batch,
							line == null ? "" : PaymentLine.reference(batch, line),
							rs.getBigDecimal("line_amount") == null ? "" : rs.getBigDecimal("line_amount")));
					return null;
				}).list();
		var batches = new ArrayList<List<Object>>();
		jdbc.sql("""
				select b.id, b.paying_region, b.funding_source, b.status, b.line_count, b.total, b.sent_at,
				       (select coalesce(sum(l.amount), 0) from subsidy.payment_line l join subsidy.decision d on d.id = l.decision_id
				        where l.batch_id = b.id and l.status <> 'FAILED' and d.year = :year) as of_year
				from subsidy.payment_batch b
				where exists (select 1 from subsidy.payment_line l join subsidy.decision d on d.id = l.decision_id
				              where l.batch_id = b.id and d.year = :year)
				order by b.id
				""").param("year", year).query((rs, i) -> batches.add(Sheets.row(rs.getLong("id"),
						place(rs.getString("paying_region")), source(rs.getString("funding_source"), locale),
						word("subsidy.batch.status." + rs.getString("status"), locale), rs.getInt("line_count"),
						amount(rs.getBigDecimal("total")), amount(rs.getBigDecimal("of_year")),
						rs.getTimestamp("sent_at") == null ? "" : SENT.format(rs.getTimestamp("sent_at").toInstant())))).list();
		return List.of(
				new Sheets.Sheet(word("subsidy.audit.decisions", locale), word("subsidy.audit.decisions.title", locale,
						year), words(locale, "subsidy.audit.column.decision", "subsidy.scheme", "subsidy.beneficiary",
						"subsidy.certificate-number", "subsidy.audit.column.claim", "subsidy.period", "subsidy.paying-region",
						"subsidy.funding-source", "subsidy.outcome", "subsidy.audit.column.amount", "subsidy.audit.column.payment",
						"subsidy.audit.column.batch", "subsidy.audit.column.reference", "subsidy.audit.column.line-amount"),
						decisions),
				new Sheets.Sheet(word("subsidy.audit.batches", locale), word("subsidy.audit.batches.title", locale, year),
						words(locale, "subsidy.audit.column.batch", "subsidy.paying-region", "subsidy.funding-source",
								"subsidy.audit.column.batch-status", "subsidy.audit.column.lines", "subsidy.audit.column.total",
								"subsidy.audit.column.of-year", "subsidy.audit.column.sent"),
						batches));
	}

	private static final DateTimeFormatter SENT = DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm").withZone(Formats.BEIJING);

	private String place(String code) {
		return code == null ? "" : regions.lookup(RegionCode.of(code)).map(r -> r.name()).orElse(code);
	}

	private String source(String code, Locale locale) {
		return code == null ? "" : messages.getMessage("subsidy.source." + code, null, code, locale);
	}

	private static Object amount(BigDecimal value) {
		return value == null ? "" : value;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private String word(String code, Locale locale, Object... arguments) {
		return messages.getMessage(code, arguments, code, locale);
	}

	private List<String> words(Locale locale, String... codes) {
		return Arrays.stream(codes).map(c -> word(c, locale)).toList();
	}
}
