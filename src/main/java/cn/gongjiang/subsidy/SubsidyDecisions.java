package cn.gongjiang.subsidy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.certification.CertificatesIssued;
import cn.gongjiang.certification.CertificateRevoked;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.subsidy.decisions.Budgets;
import cn.gongjiang.subsidy.decisions.CertificateDecider;
import cn.gongjiang.subsidy.decisions.Decision;
import cn.gongjiang.subsidy.decisions.Decisions;
import cn.gongjiang.subsidy.decisions.Outcome;
import cn.gongjiang.subsidy.decisions.Step;
import cn.gongjiang.subsidy.decisions.TrainingSubsidyRules;
import cn.gongjiang.subsidy.payments.PaymentBatches;
import cn.gongjiang.subsidy.payments.PaymentStatus;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seamless payment (无感支付, SUB-3): every issued certificate is decided with no application by anyone, by the pack
 * versions in force on its issue day; the decision, its frozen inputs, each rule's verdict and the amount are kept.
 * One decision per certificate and one granted subsidy per person, occupation and grade are held by unique
 * constraints, so replays and races change nothing. A grant commits the paying county's budget; without enough the
 * decision waits until money is added. Officers may override a decision only with a reason and an expiry; a revoked
 * certificate reverses what it earned.
 */
@Service
public class SubsidyDecisions {

	private static final TypeReference<List<Step>> STEPS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final CertificateDecider decider;
	private final PersonRegistry persons;
	private final RegionDirectory regions;
	private final AuditLog audit;
	private final JsonMapper json;
	private final Clock clock;
	private final DataSource dataSource;
	private final Budgets budgets;
	private final Decisions decisions;

	SubsidyDecisions(JdbcClient jdbc, CertificateDecider decider, PersonRegistry persons, RegionDirectory regions,
			AuditLog audit, JsonMapper json, Clock clock, DataSource dataSource, Budgets budgets,
			Decisions decisions) {
		this.budgets = budgets;
		this.decisions = decisions;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.decider = decider;
		this.persons = persons;
		this.regions = regions;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CertificateIssued issued) {
		decide(issued);
	}

	/** An imported chunk of certificates, decided together as the bulk decision decides them (SUB-3). */
	@ApplicationModuleListener
	void on(CertificatesIssued issued) {
		decider.decide(issued.certificates());
	}

	/** Decides one certificate; a certificate decided before keeps its decision. */
	public void decide(CertificateIssued cert) {
		decider.decide(List.of(cert));
	}

	/**
	 * A revoked certificate earns nothing: its grant is reversed and the budget released; a line not yet sent leaves
	 * its batch; money already sent is marked for recovery (追回). The archive says so.
	 */
	@ApplicationModuleListener
	void on(CertificateRevoked revoked) {
		reverse(revoked);
	}

	@Transactional
	public void reverse(CertificateRevoked revoked) {
		var decision = decisions.notReversed(TrainingSubsidyRules.SCHEME + ":certificate:" + revoked.certificateId());
		if (decision.isEmpty() || decision.get().effectiveOutcome() == Outcome.DENIED) {
			return;
		}
		var d = decision.get();
		var id = d.id();
		var payment = d.paymentStatus();
		if (payment == PaymentStatus.PENDING) {
			jdbc.sql("delete from subsidy.payment_line where decision_id = :id and status = 'PENDING'").param("id", id)
					.update();
			PaymentBatches.recount(jdbc, d.batchId());
		}
		var moneyLeft = payment.moneyLeft();
		if (d.effectiveOutcome().granted()) {
			budgets.release(d.budget(), d.effectiveAmount());
		}
		decisions.reverse(id, revoked.reason(), moneyLeft);
		jdbc.sql("update subsidy.override set lapsed = true where decision_id = :id").param("id", id).update();
		if (d.personId() != null) {
			decider.archive(List.of(decider.archiveEntry(PersonId.of(d.personId()),
					revoked.number(), revoked.revokedOn(), "REVERSED", null,
					moneyLeft ? "subsidy.reversed-recovery" : "subsidy.certificate-revoked", List.of())));
		}
	}

	/**
	 * Adds money to a county's budget from a funding source for a year and grants the decisions that were waiting for
	 * it, oldest first, as far as it goes. Returns how many were granted; each beneficiary's archive records the grant.
	 */
	@Transactional
	public int allocate(Actor actor, String county, FundingSource source, int year, Money amount) {
		var path = regions.pathOf(RegionCode.of(county)).orElseThrow(() -> new InvalidValueException("region.unknown", county));
		if (!actor.officerCovering(path)) {
			throw actor.refuse("subsidy.budget", county, null);
		}
		if (source == null) {
			throw new InvalidValueException("subsidy.budget.source");
		}
		if (amount == null || !amount.positive()) {
			throw new InvalidValueException("subsidy.budget.amount", amount);
		}
		if (year < 2022 || year > LocalDate.now(clock).getYear() + 1) {
			throw new InvalidValueException("subsidy.budget.year", year);
		}
		var key = new Budgets.Key(county, source, year);
		budgets.allocate(key, amount);
		int released = 0;
		// a waiting decision keeps the amount it is due
		for (var waiting : decisions.waitingFor(key)) {
			if (!budgets.commit(key, waiting.amount())) {
				break;
			}
			if (decisions.grantWaiting(waiting.id())) {
				released++;
				if (waiting.personId() != null && waiting.certificateNumber() != null) {
					decider.archive(List.of(decider.archiveEntry(PersonId.of(waiting.personId()),
							waiting.certificateNumber(), LocalDate.now(clock), "GRANTED", waiting.amount(),
							"subsidy.granted", List.of())));
				}
			}
		}
		audit.record(actor, "subsidy.budget", county + "/" + source.name() + "/" + year, AuditOutcome.SUCCESS,
				amount + " allocated, " + released + " released");
		return released;
	}

	/** Filters for the budgets of a region; null means any. */
	public record BudgetFilter(Integer year, String fundingSource, String region) {
	}

	/** One budget: a county's money from a source for a year, what decisions hold of it, and what waits for it. */
	public record BudgetLine(String region, String regionName, String fundingSource, int year, Money allocated,
			Money committed, Money left, int waiting, Money waitingAmount) {
	}

	/** The budgets in the officer's region, newest year first, then by county and source. */
	@Transactional(readOnly = true)
	public Page<BudgetLine> budgets(Actor actor, BudgetFilter filter, PageRequest request) {
		actor.requireRegionalOfficer();
		var within = filter.region() == null ? actor.scope().regionPath()
				: regions.pathOf(RegionCode.of(filter.region())).filter(p -> p.startsWith(actor.scope().regionPath()))
						.orElse("/none/");
		// the regions in scope from the directory: subsidy's SQL reads only its own schema
		var codes = regions.all().values().stream().filter(r -> r.path().startsWith(within)).map(r -> r.code())
				.toArray(String[]::new);
		var filtered = """
				where b.region_code = any(:codes)
				  and (cast(:year as integer) is null or b.year = :year)
				  and (cast(:source as text) is null or b.funding_source = :source)
				""";
		var items = jdbc.sql("""
				select b.region_code, b.funding_source, b.year, b.allocated, b.committed, w.waiting, w.waiting_amount
				from subsidy.budget b
				left join lateral (
				    select count(*) as waiting, coalesce(sum(d.amount), 0) as waiting_amount from subsidy.decision d
				    where d.paying_region = b.region_code and d.funding_source = b.funding_source and d.year = b.year
				      and d.outcome = 'WAITING' and d.code = 'subsidy.budget-exhausted') w on true
				""" + filtered + """
				order by b.year desc, b.region_code, array_position(cast(:sources as text[]), b.funding_source)
				limit :limit offset :offset
				""")
				.param("codes", codes).param("year", filter.year()).param("source", filter.fundingSource())
				.param("sources", Arrays.stream(FundingSource.values()).map(Enum::name).toArray(String[]::new))
				.param("limit", request.size()).param("offset", request.offset())
				.query((rs, i) -> new BudgetLine(rs.getString(1), regions.lookup(RegionCode.of(rs.getString(1)))
						.map(r -> r.name()).orElse(rs.getString(1)), rs.getString(2), rs.getInt(3),
						Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5)),
						Money.of(rs.getBigDecimal(4).subtract(rs.getBigDecimal(5))), rs.getInt(6),
						Money.of(rs.getBigDecimal(7))))
				.list();
		var total = jdbc.sql("select count(*) from subsidy.budget b " + filtered).param("codes", codes).param("year", filter.year())
				.param("source", filter.fundingSource()).query(Long.class).single();
		return Page.of(items, total, request);
	}

	private boolean commit(Decisions.InEffect decision, Money amount) {
		return decision.payingRegion() != null && budgets.commit(decision.budget(), amount);
	}

	/**
	 * SUB-3, SUP-3: an officer of the paying region decides a grant held for a signal on its training, with what they
	 * found: paid (committed against the budget now, or waiting for budget like any grant when none is left) or
	 * refused. Either way once: a second officer acting on the same hold finds it decided (409).
	 */
	@Transactional
	public Decision decideHeld(Actor actor, long decisionId, boolean pay, String reason) {
		if (!decisions.lock(decisionId)) {
			throw new NotFoundException("subsidy.decision.not-found");
		}
		var d = decisions.inEffect(decisionId).orElseThrow();
		var action = pay ? "subsidy.hold.release" : "subsidy.hold.refuse";
		if (!actor.officerCovering(d.payingPath())) {
			audit.record(actor, action, "decision:" + decisionId, AuditOutcome.DENIED, null);
			throw new NotFoundException("subsidy.decision.not-found");
		}
		if (d.outcome() != Outcome.WAITING || !CertificateDecider.HELD_FOR_SIGNAL.equals(d.code())) {
			throw new ConflictException("subsidy.hold.not-held");
		}
		if (reason == null || reason.strip().length() < 4 || reason.strip().length() > 500) {
			throw new InvalidValueException("subsidy.hold.reason-required");
		}
		var amount = d.amount();
		Outcome outcome;
		String code;
		if (!pay) {
			outcome = Outcome.DENIED;
			code = "subsidy.hold.refused";
		}
		else if (commit(d, amount)) {
			outcome = Outcome.GRANTED;
			code = null;
		}
		else {
			outcome = Outcome.WAITING;
			code = "subsidy.budget-exhausted";
		}
		decisions.settleHold(decisionId, outcome, code);
		if (outcome.granted() && d.personId() != null) {
			decider.archive(List.of(decider.archiveEntry(PersonId.of(d.personId()),
					d.certificateNumber(), LocalDate.now(clock), "GRANTED", amount, "subsidy.granted",
					List.of())));
		}
		audit.record(actor, action, "decision:" + decisionId, AuditOutcome.SUCCESS, outcome + ": " + reason.strip());
		return one(decisionId);
	}

	/** How many grants of the officer's region are held for a signal on their training. */
	@Transactional(readOnly = true)
	public long heldForSignals(Actor actor) {
		if (!actor.regionalOfficer()) {
			return 0;
		}
		return jdbc.sql("select count(*) from subsidy.decision where paying_path like :path || '%' and outcome = 'WAITING' "
				+ "and code = :held").param("path", actor.scope().regionPath())
				.param("held", CertificateDecider.HELD_FOR_SIGNAL).query(Long.class).single();
	}

	/** An officer's override: in effect until its expiry (or until paid), with a reason, audited. */
	public record OverrideRequest(String outcome, Money amount, String reason, LocalDate expiresOn) {
	}

	/**
	 * Overrides a decision of the officer's region: granted (with an amount, committed against the budget) or denied
	 * (releasing what the decision held). Never one already sent to the bank.
	 */
	@Transactional
	public Decision override(Actor actor, long decisionId, OverrideRequest request) {
		if (!decisions.lock(decisionId)) {
			throw new NotFoundException("subsidy.decision.not-found");
		}
		var d = decisions.inEffect(decisionId).orElseThrow();
		var path = d.payingPath();
		if (!actor.regionalOfficer() || path == null
				|| !path.startsWith(actor.scope().regionPath())) {
			throw actor.refuse("subsidy.override", "decision:" + decisionId, null);
		}
		if (request.reason() == null || request.reason().strip().length() < 4) {
			throw InvalidValueException.of("reason", "subsidy.override.reason-required");
		}
		var today = LocalDate.now(clock);
		if (request.expiresOn() == null || !request.expiresOn().isAfter(today)
				|| request.expiresOn().isAfter(today.plusYears(1))) {
			throw InvalidValueException.of("expiresOn", "subsidy.override.expiry", request.expiresOn());
		}
		if (!"GRANTED".equals(request.outcome()) && !"DENIED".equals(request.outcome())) {
			throw InvalidValueException.of("outcome", "subsidy.override.outcome", request.outcome());
		}
		var granting = "GRANTED".equals(request.outcome());
		if (granting && (request.amount() == null || !request.amount().positive())) {
			throw InvalidValueException.of("amount", "subsidy.override.amount", request.amount());
		}
		if (d.outcome() == Outcome.REVERSED) {
			throw new ConflictException("subsidy.override.reversed");
		}
		var payment = d.paymentStatus();
		if (!payment.open()) {
			throw new ConflictException("subsidy.override.in-payment", payment.name());
		}
		var held = d.held();
		var wanted = granting ? request.amount() : Money.ZERO;
		var delta = wanted.minus(held);
		if (delta.positive() && !commit(d, delta)) {
			throw new ConflictException("subsidy.budget-exhausted");
		}
		if (delta.signum() < 0) {
			budgets.release(d.budget(), delta.negate());
		}
		jdbc.sql("update subsidy.override set lapsed = true where decision_id = :id").param("id", decisionId).update();
		jdbc.sql("""
				insert into subsidy.override (decision_id, outcome, amount, reason, expires_on, made_by)
				values (:id, :outcome, :amount, :reason, :expires, :by)
				""").param("id", decisionId).param("outcome", request.outcome()).param("amount", granting ? wanted.json() : null)
				.param("reason", request.reason().strip()).param("expires", request.expiresOn())
				.param("by", actor.username()).update();
		audit.record(actor, "subsidy.override", "decision:" + decisionId, AuditOutcome.SUCCESS,
				request.outcome() + " " + (granting ? wanted : "") + " until " + request.expiresOn() + ": "
						+ request.reason().strip());
		return one(decisionId);
	}

	/**
	 * Overrides past their expiry that were not paid lapse: the rules' outcome is in effect again and the budget
	 * follows. Runs every night; returns how many lapsed.
	 */
	@Scheduled(cron = "${gongjiang.subsidy.lapse-cron:0 10 1 * * *}")
	@Transactional
	public int lapseExpiredOverrides() {
		var today = LocalDate.now(clock);
		int lapsed = 0;
		for (var d : decisions.overridesExpiredBefore(today)) {
			var held = d.held();
			var ruled = d.outcome().granted() ? d.amount() : Money.ZERO;
			var delta = ruled.minus(held);
			if (delta.signum() < 0) {
				budgets.release(d.budget(), delta.negate());
			}
			else if (delta.positive() && !commit(d, delta)) {
				// the rules' grant no longer fits the budget: it waits like any other
				decisions.waitForBudget(d.id());
			}
			lapsed += jdbc.sql("update subsidy.override set lapsed = true where decision_id = :id and not lapsed")
					.param("id", d.id()).update();
		}
		return lapsed;
	}

	/**
	 * Filters for the decisions of a region; null means any. {@code region} narrows the officer's region to a city or
	 * county within it; {@code issuedFrom}/{@code issuedTo} bound the certificate's issue day; {@code holder} is the
	 * beneficiary's name (a person's, looked up in the registry, or an organisation's).
	 */
	public record Filter(String certificateNumber, Long person, String outcome, String scheme, Integer year,
			Long claim, String region, LocalDate issuedFrom, LocalDate issuedTo, String holder) {

		public static final Filter ALL = new Filter(null, null, null, null, null, null, null, null, null, null);
	}

	/** The sort keys of the decisions list and the columns behind them. */
	public static final Map<String, String> SORTS = Map.of("decided", "d.id", "issued", "d.issued_on", "amount",
			"d.amount", "certificate", "d.certificate_number");

	/** The outcome in effect: the newest override not lapsed, else the rules' (as {@code decision_in_effect}). */
	private static final String EFFECTIVE_OUTCOME = """
			coalesce((select o.outcome from subsidy.override o where o.decision_id = d.id and not o.lapsed
			          order by o.id desc limit 1), d.outcome)""";

	private static final String WHERE = """
			where d.paying_path like :path || '%'
			  and (cast(:number as text) is null or d.certificate_number = :number)
			  and (cast(:person as bigint) is null or d.person_id = :person)
			  and (cast(:outcome as text) is null or d.outcome = :outcome or {effective} = :outcome
			       or (:outcome = 'HELD' and d.outcome = 'WAITING' and d.code = 'subsidy.held.signal'))
			  and (cast(:scheme as text) is null or d.scheme = :scheme)
			  and (cast(:year as integer) is null or d.year = :year)
			  and (cast(:claim as bigint) is null or d.claim_id = :claim)
			  and (cast(:from as date) is null or d.issued_on >= :from)
			  and (cast(:to as date) is null or d.issued_on <= :to)
			  and (cast(:holder as text) is null or d.person_id = any(:holders) or d.beneficiary_name = :holder)
			""".replace("{effective}", EFFECTIVE_OUTCOME);

	/** Decisions in the officer's region (by paying county), a page at a time with the total. */
	@Transactional(readOnly = true)
	public Page<Decision> list(Actor actor, Filter filter, PageRequest request) {
		var bound = bind(actor, filter);
		var total = bound.apply(jdbc.sql("select count(*) from subsidy.decision d " + WHERE)).query(Long.class)
				.single();
		var items = bound.apply(jdbc.sql("select d.* from subsidy.decision_in_effect d " + WHERE + " order by "
				+ request.orderBy(SORTS, "d.id") + " limit :limit offset :offset")).param("limit", request.size())
				.param("offset", request.offset()).query((rs, i) -> map(rs)).list();
		return Page.of(items, total, request);
	}

	/**
	 * Every decision the filter finds, up to {@code limit}, in the list's order, handed one by one to {@code each}
	 * (an export); audited, since it hands out a region's beneficiaries. Rows stream from the database.
	 */
	@Transactional(readOnly = true)
	public void export(Actor actor, Filter filter, PageRequest order, int limit, Consumer<Decision> each) {
		var bound = bind(actor, filter);
		var template = new JdbcTemplate(dataSource);
		template.setFetchSize(1_000);
		var streaming = JdbcClient.create(template);
		var rows = new int[1];
		bound.apply(streaming.sql("select d.* from subsidy.decision_in_effect d " + WHERE + " order by "
				+ order.orderBy(SORTS, "d.id") + " limit :limit")).param("limit", limit)
				.query(rs -> {
					rows[0]++;
					each.accept(map(rs));
				});
		audit.record(actor, "subsidy.decisions.export", actor.scope().regionPath(), AuditOutcome.SUCCESS,
				rows[0] + " rows");
	}

	/** How many decisions of the officer's region wait for budget (WAITING, in effect). */
	@Transactional(readOnly = true)
	public long waitingForBudget(Actor actor) {
		if (!actor.regionalOfficer()) {
			return 0;
		}
		return jdbc.sql("select count(*) from subsidy.decision d where d.paying_path like :path || '%' and "
				+ EFFECTIVE_OUTCOME + " = 'WAITING' and d.code = 'subsidy.budget-exhausted'")
				.param("path", actor.scope().regionPath()).query(Long.class)
				.single();
	}

	/** The filter's parameters bound to a statement, within the officer's region. */
	private UnaryOperator<JdbcClient.StatementSpec> bind(Actor actor, Filter filter) {
		actor.requireRegionalOfficer();
		var path = actor.scope().regionPath();
		if (filter.region() != null && !filter.region().isBlank()) {
			var chosen = regions.pathOf(RegionCode.of(filter.region().strip()))
					.orElseThrow(() -> new InvalidValueException("region.unknown", filter.region()));
			// a region outside the officer's own finds nothing rather than widening the scope
			path = chosen.startsWith(path) ? chosen : "/-/";
		}
		var holder = filter.holder() == null || filter.holder().isBlank() ? null : filter.holder().strip();
		var holders = holder == null ? new Long[0]
				: persons.search(actor, null, holder).stream().map(p -> p.id()).toArray(Long[]::new);
		var scope = path;
		return statement -> statement.param("path", scope).param("number", filter.certificateNumber())
				.param("person", filter.person()).param("outcome", filter.outcome()).param("scheme", filter.scheme())
				.param("year", filter.year()).param("claim", filter.claim()).param("from", filter.issuedFrom())
				.param("to", filter.issuedTo()).param("holder", holder).param("holders", holders);
	}

	/** One decision of the officer's region, with every step. */
	@Transactional(readOnly = true)
	public Decision decision(Actor actor, long id) {
		actor.requireRegionalOfficer();
		return jdbc.sql("select * from subsidy.decision_in_effect where id = :id and paying_path like :path || '%'")
				.param("id", id).param("path", actor.scope().regionPath()).query((rs, i) -> map(rs)).optional()
				.orElseThrow(() -> new NotFoundException("subsidy.decision.not-found"));
	}

	Decision one(long id) {
		return jdbc.sql("select * from subsidy.decision_in_effect where id = :id").param("id", id)
				.query((rs, i) -> map(rs)).single();
	}

	private Decision map(ResultSet rs) throws SQLException {
		var overrideId = (Long) rs.getObject("override_id");
		return new Decision(rs.getLong("id"), rs.getString("scheme"), rs.getString("certificate_number"),
				rs.getString("beneficiary_masked"), rs.getString("occupation_code"), rs.getString("grade"),
				rs.getInt("year"), rs.getString("period"), rs.getString("paying_region"), rs.getString("funding_source"),
				Outcome.valueOf(rs.getString("outcome")), rs.getString("code"), Money.ofNullable(rs.getBigDecimal("amount")),
				rs.getString("policy_versions"), Step.restored(json.readValue(rs.getString("steps"), STEPS)),
				rs.getTimestamp("decided_at").toInstant(),
				overrideId == null ? null : new Decision.Override(overrideId, rs.getString("override_reason"),
						rs.getObject("override_expires_on", LocalDate.class), rs.getString("override_by")),
				Outcome.valueOf(rs.getString("effective_outcome")), Money.ofNullable(rs.getBigDecimal("effective_amount")),
				PaymentStatus.valueOf(rs.getString("payment_status")), rs.getString("payment_failure"), rs.getBoolean("recovery_due"),
				(Long) rs.getObject("claim_id"), rs.getObject("issued_on", LocalDate.class),
				new Decision.Payee(rs.getString("beneficiary_kind"), "ORGANISATION".equals(rs.getString("beneficiary_kind"))
						? rs.getString("beneficiary_name") : rs.getString("beneficiary_masked"),
						rs.getString("bank_account_masked")));
	}
}
