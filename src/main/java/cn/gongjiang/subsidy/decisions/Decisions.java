package cn.gongjiang.subsidy.decisions;

import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import cn.gongjiang.database.CopyRows;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.Money;
import cn.gongjiang.subsidy.FundingSource;
import cn.gongjiang.subsidy.payments.PaymentStatus;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;


/**
 * The one writer of {@code subsidy.decision} (issue 17): the training rules' decisions in bulk, a claim's and an
 * allowance's one by one, all with the same columns; and every change of a decision's outcome, each a method named
 * for what happens. What a decision is in effect is read from the {@code decision_in_effect} view, never worked out
 * again here.
 */
@Component
public class Decisions {

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final JsonMapper json;

	Decisions(JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.json = json;
	}

	/**
	 * A decision about to be written, whoever made it: {@code steps} and {@code inputs} are what is stored as their
	 * JSON, a String being that JSON's text already (a bulk chunk's documents are written straight into its
	 * {@code COPY}, never held as text); {@code beneficiaryKind} PERSON or ORGANISATION (whose code, name and sealed
	 * account it is paid to).
	 */
	public record New(String scheme, String businessKey, Long certificateId, String certificateNumber,
			IdNumberIndex holderIndex, String beneficiaryMasked, Long personId, String beneficiaryKind, String beneficiaryCode,
			String beneficiaryName, byte[] bankAccountSealed, String bankAccountMasked, String occupationCode,
			String grade, int year, String period, String payingRegion, String payingPath, FundingSource fundingSource,
			Outcome outcome, String code, Money amount, String policyVersions, Object steps, Object inputs,
			LocalDate issuedOn, Long claimId) {
	}

	private static final String COLUMNS = "scheme, business_key, certificate_id, certificate_number, holder_index, "
			+ "beneficiary_masked, person_id, beneficiary_kind, beneficiary_code, beneficiary_name, bank_account_sealed, "
			+ "bank_account_masked, occupation_code, grade, year, period, paying_region, paying_path, funding_source, "
			+ "outcome, code, amount, policy_versions, steps, inputs, issued_on, claim_id";

	/** Writes one decision unless its business key (or entitlement) is taken; whether it was written. */
	public boolean insert(New d) {
		return jdbc.sql("insert into subsidy.decision (" + COLUMNS + """
				) values (:scheme, :key, :certificateId, :certificateNumber, :holder, :masked, :person, :kind, :code,
				    :name, :account, :accountMasked, :occupation, :grade, :year, :period, :region, :path, :source,
				    :outcome, :decisionCode, :amount, :versions, cast(:steps as json), cast(:inputs as json), :issuedOn,
				    :claim)
				on conflict do nothing
				""").param("scheme", d.scheme()).param("key", d.businessKey()).param("certificateId", d.certificateId())
				.param("certificateNumber", d.certificateNumber()).param("holder", d.holderIndex())
				.param("masked", d.beneficiaryMasked()).param("person", d.personId()).param("kind", d.beneficiaryKind())
				.param("code", d.beneficiaryCode()).param("name", d.beneficiaryName())
				.param("account", d.bankAccountSealed()).param("accountMasked", d.bankAccountMasked())
				.param("occupation", d.occupationCode()).param("grade", d.grade()).param("year", d.year())
				.param("period", d.period()).param("region", d.payingRegion()).param("path", d.payingPath())
				.param("source", d.fundingSource().name()).param("outcome", d.outcome().name())
				.param("decisionCode", d.code()).param("amount", Money.decimal(d.amount()))
				.param("versions", d.policyVersions()).param("steps", jsonText(d.steps()))
				.param("inputs", jsonText(d.inputs()))
				.param("issuedOn", d.issuedOn()).param("claim", d.claimId()).update() == 1;
	}

	/**
	 * Writes a chunk of decisions; returns the business keys written. Optimistic: the chunk was checked against what
	 * is decided, so it is copied straight into {@code subsidy.decision}; when a concurrent worker won an entitlement
	 * or a certificate meanwhile, the copy fails on a unique constraint, is rolled back to a savepoint, and the chunk
	 * goes through a staging table and {@code ON CONFLICT DO NOTHING}, the constraints deciding row by row.
	 */
	public Set<String> insertAll(List<New> decisions) {
		if (decisions.isEmpty()) {
			return new HashSet<>();
		}
		jdbc.sql("savepoint decision_chunk").update();
		try {
			copy(decisions, "subsidy.decision");
			jdbc.sql("release savepoint decision_chunk").update();
			return new HashSet<>(decisions.stream().map(New::businessKey).toList());
		}
		catch (DuplicateKeyException raced) {
			jdbc.sql("rollback to savepoint decision_chunk").update();
		}
		jdbc.sql("""
				create temporary table if not exists decision_chunk (scheme text, business_key text,
				    certificate_id bigint, certificate_number text, holder_index bytea, beneficiary_masked text,
				    person_id bigint, beneficiary_kind text, beneficiary_code text, beneficiary_name text,
				    bank_account_sealed bytea, bank_account_masked text, occupation_code text, grade text, year integer,
				    period text, paying_region text, paying_path text, funding_source text, outcome text, code text,
				    amount numeric, policy_versions text, steps json, inputs json, issued_on date, claim_id bigint)
				on commit delete rows
				""").update();
		copy(decisions, "decision_chunk");
		return new HashSet<>(jdbc.sql("insert into subsidy.decision (" + COLUMNS + ") select " + COLUMNS
				+ " from decision_chunk on conflict do nothing returning business_key").query(String.class).list());
	}

	/** Streams the rows into {@code table} in {@link #COLUMNS}' order; a broken unique constraint as DuplicateKey. */
	private void copy(List<New> decisions, String table) {
		var connection = DataSourceUtils.getConnection(dataSource);
		try (var rows = CopyRows.into(connection, table + " (" + COLUMNS + ")")) {
			for (var d : decisions) {
				rows.text(d.scheme()).text(d.businessKey()).value(d.certificateId()).text(d.certificateNumber())
						.bytes(d.holderIndex() == null ? null : d.holderIndex().bytes()).text(d.beneficiaryMasked()).value(d.personId())
						.text(d.beneficiaryKind()).text(d.beneficiaryCode()).text(d.beneficiaryName())
						.bytes(d.bankAccountSealed()).text(d.bankAccountMasked()).text(d.occupationCode())
						.text(d.grade()).value(d.year()).text(d.period()).text(d.payingRegion()).text(d.payingPath())
						.text(d.fundingSource().name()).text(d.outcome().name()).text(d.code()).value(d.amount())
						.text(d.policyVersions());
				json(rows, d.steps());
				json(rows, d.inputs());
				rows.value(d.issuedOn()).value(d.claimId()).endRow();
			}
			rows.finish();
		}
		catch (SQLException e) {
			if ("23505".equals(e.getSQLState())) {
				throw new DuplicateKeyException(e.getMessage(), e);
			}
			throw new IllegalStateException("copying decisions into " + table, e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * A JSON document that writes itself to a generator: the bulk decision's steps and inputs, a million of each,
	 * written field by field rather than through data binding (its reflection was a third of the workers' time).
	 */
	@FunctionalInterface
	public interface Document {
		void write(JsonGenerator generator);
	}

	private String jsonText(Object document) {
		if (document instanceof Document d) {
			var text = new StringWriter();
			try (var generator = json.createGenerator(text)) {
				d.write(generator);
			}
			return text.toString();
		}
		return document == null || document instanceof String ? (String) document : json.writeValueAsString(document);
	}

	private void json(CopyRows rows, Object document) throws SQLException {
		if (document == null || document instanceof String) {
			rows.text((String) document);
		}
		else if (document instanceof Document d) {
			rows.json(json, d::write);
		}
		else {
			rows.written(out -> json.writeValue(out, document));
		}
	}

	/** A revoked certificate's decision is reversed; {@code recoveryDue} when its money had already left. */
	public void reverse(long id, String reason, boolean recoveryDue) {
		jdbc.sql("""
				update subsidy.decision set outcome = 'REVERSED', code = 'subsidy.certificate-revoked',
				    reversed_reason = :reason, recovery_due = :recovery
				where id = :id
				""").param("reason", reason).param("recovery", recoveryDue).param("id", id).update();
	}

	/** A decision that waited for budget is granted now that there is some; false if it no longer waits. */
	public boolean grantWaiting(long id) {
		return jdbc.sql("update subsidy.decision set outcome = 'GRANTED', code = null where id = :id and outcome = 'WAITING'")
				.param("id", id).update() == 1;
	}

	/** A grant held for a signal on its training is settled by an officer: granted, denied, or waiting for budget. */
	public void settleHold(long id, Outcome outcome, String code) {
		jdbc.sql("update subsidy.decision set outcome = :outcome, code = :code where id = :id and code = :held")
				.param("outcome", outcome.name()).param("code", code).param("id", id)
				.param("held", CertificateDecider.HELD_FOR_SIGNAL).update();
	}

	/** The rules' grant no longer fits the budget (an override lapsed): it waits like any other. */
	public void waitForBudget(long id) {
		jdbc.sql("update subsidy.decision set outcome = 'WAITING', code = 'subsidy.budget-exhausted' where id = :id")
				.param("id", id).update();
	}

	/** An account kept in clear from before accounts were sealed is sealed. */
	public void sealAccount(long id, byte[] sealed, String masked) {
		jdbc.sql("update subsidy.decision set bank_account_sealed = :sealed, bank_account_masked = :masked, "
				+ "bank_account = null where id = :id").param("sealed", sealed).param("masked", masked).param("id", id)
				.update();
	}

	/** Accounts kept in clear from before accounts were sealed: id and account. */
	public record PlainAccount(long id, String account) {
	}

	public List<PlainAccount> plainAccounts() {
		return jdbc.sql("select id, bank_account from subsidy.decision where bank_account is not null")
				.query((rs, i) -> new PlainAccount(rs.getLong(1), rs.getString(2))).list();
	}

	/** Takes the row lock a change of the decision's outcome needs; false when there is no such decision. */
	public boolean lock(long id) {
		return jdbc.sql("select id from subsidy.decision where id = :id for no key update").param("id", id)
				.query(Long.class).optional().isPresent();
	}

	/**
	 * A decision as {@code decision_in_effect} has it: the rules' outcome and amount, the override's in effect, where
	 * its payment stands.
	 */
	public record InEffect(long id, Outcome outcome, String code, Money amount, Outcome effectiveOutcome,
			Money effectiveAmount, String payingRegion, String payingPath, String fundingSource, int year,
			PaymentStatus paymentStatus, Long batchId, Long personId, String certificateNumber, Long overrideId) {

		/** The budget it draws on; read only when money moves, as a source is known to budgets. */
		public Budgets.Key budget() {
			return new Budgets.Key(payingRegion, FundingSource.valueOf(fundingSource), year);
		}

		/** What it holds of its budget: the amount in effect when granted in effect, else nothing. */
		public Money held() {
			return effectiveOutcome.granted() ? effectiveAmount : Money.ZERO;
		}
	}

	private static final String IN_EFFECT = """
			select id, outcome, code, amount, effective_outcome, effective_amount, paying_region, paying_path,
			       funding_source, year, payment_status, batch_id, person_id, certificate_number, override_id
			from subsidy.decision_in_effect d
			""";

	private static InEffect inEffect(ResultSet rs) throws SQLException {
		return new InEffect(rs.getLong(1), Outcome.valueOf(rs.getString(2)), rs.getString(3),
				Money.ofNullable(rs.getBigDecimal(4)), Outcome.valueOf(rs.getString(5)),
				Money.ofNullable(rs.getBigDecimal(6)), rs.getString(7), rs.getString(8),
				rs.getString(9), rs.getInt(10), PaymentStatus.valueOf(rs.getString(11)),
				(Long) rs.getObject(12), (Long) rs.getObject(13), rs.getString(14), (Long) rs.getObject(15));
	}

	public Optional<InEffect> inEffect(long id) {
		return jdbc.sql(IN_EFFECT + " where id = :id").param("id", id).query((rs, i) -> inEffect(rs)).optional();
	}

	/** The decision of a business key not reversed yet. */
	public Optional<InEffect> notReversed(String businessKey) {
		return jdbc.sql(IN_EFFECT + " where business_key = :key and outcome <> 'REVERSED'").param("key", businessKey)
				.query((rs, i) -> inEffect(rs)).stream().findFirst();
	}

	/** Decisions whose override expired before {@code today} and that nothing is paying yet. */
	public List<InEffect> overridesExpiredBefore(LocalDate today) {
		return jdbc.sql(IN_EFFECT + """
				where override_id is not null and override_expires_on < :today and payment_status in ('UNPAID', 'FAILED')
				""").param("today", today).query((rs, i) -> inEffect(rs)).list();
	}

	/** A decision waiting for budget: the amount it is due, and whose archive records its grant. */
	public record Waiting(long id, Money amount, Long personId, String certificateNumber) {
	}

	/** The decisions waiting for a budget, oldest first. */
	public List<Waiting> waitingFor(Budgets.Key budget) {
		return jdbc.sql("""
				select id, amount, person_id, certificate_number from subsidy.decision
				where paying_region = :county and funding_source = :source and year = :year and outcome = 'WAITING'
				  and code = 'subsidy.budget-exhausted' order by decided_at, id
				""").param("county", budget.region()).param("source", budget.source().name())
				.param("year", budget.year())
				.query((rs, i) -> new Waiting(rs.getLong(1), Money.of(rs.getBigDecimal(2)), (Long) rs.getObject(3),
						rs.getString(4)))
				.list();
	}
}
