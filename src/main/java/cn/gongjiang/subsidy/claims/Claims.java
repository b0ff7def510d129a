package cn.gongjiang.subsidy.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.certification.Certificate;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.recruitment.Placement;
import cn.gongjiang.recruitment.Placements;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.PersonProfile;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.subsidy.FundingSource;
import cn.gongjiang.subsidy.PolicyPacks;
import cn.gongjiang.subsidy.decisions.Beneficiaries;
import cn.gongjiang.subsidy.decisions.Budgets;
import cn.gongjiang.subsidy.decisions.Decisions;
import cn.gongjiang.subsidy.decisions.Outcome;
import cn.gongjiang.subsidy.decisions.Step;
import cn.gongjiang.subsidy.payments.BankAccounts;
import cn.gongjiang.subsidy.payments.BankFile;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claims under the city's enterprise schemes (SUB-4): an enterprise, provider or school submits with the evidence the
 * scheme needs; an officer of its county (or city) reviews; another officer approves or rejects, with a reason. An
 * approved claim becomes decisions, one per entitlement (person-year, month or once) under a unique business key, so
 * the same person-year is never paid twice whoever claims it; a monthly allowance accrues month by month.
 */
@Service
public class Claims {

	private static final TypeReference<Map<String, String>> EVIDENCE = new TypeReference<>() {
	};
	private static final TypeReference<List<Step>> STEPS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final PolicyPacks packs;
	private final OrganisationRegistry organisations;
	private final PersonRegistry persons;
	private final CertificateRegister certificates;
	private final PersonalDataCipher cipher;
	private final RegionDirectory regions;
	private final Allowances allowances;
	private final Placements placements;
	private final BankAccounts bankAccounts;
	private final Budgets budgets;
	private final Decisions decisions;
	private final ClaimRefusals refusals;
	private final AuditLog audit;
	private final JsonMapper json;
	private final Clock clock;

	Claims(JdbcClient jdbc, PolicyPacks packs, OrganisationRegistry organisations, PersonRegistry persons,
			CertificateRegister certificates, PersonalDataCipher cipher, RegionDirectory regions, Allowances allowances,
			Placements placements, BankAccounts bankAccounts, ClaimRefusals refusals, Budgets budgets, AuditLog audit,
			JsonMapper json, Clock clock, Decisions decisions) {
		this.decisions = decisions;
		this.budgets = budgets;
		this.bankAccounts = bankAccounts;
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.packs = packs;
		this.organisations = organisations;
		this.persons = persons;
		this.certificates = certificates;
		this.cipher = cipher;
		this.regions = regions;
		this.allowances = allowances;
		this.placements = placements;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** A claim as submitted: the scheme, its evidence, and the account the claimant is paid to. */
	public record Submission(String scheme, Map<String, String> evidence, String bankAccount) {
	}

	/** The schemes open to the claimant's city, with the evidence each needs. */
	public record Scheme(String code, String name, String clause, List<String> evidence) {
	}

	@Transactional(readOnly = true)
	public List<Scheme> schemes(Actor actor) {
		var claimant = claimant(actor);
		return schemeParameters(claimant.path()).map(all -> all.entrySet().stream()
				.map(e -> new Scheme(e.getKey(), BankFile.SCHEMES.get(e.getKey()),
						String.valueOf(((Map<?, ?>) e.getValue()).get("clause")), EnterpriseSchemes.EVIDENCE.get(e.getKey())))
				.sorted(Comparator.comparing(Scheme::code)).toList()).orElse(List.of());
	}

	/**
	 * Submits a claim; one that its scheme's rules refuse is not stored and the refusal names the rule (one past a cap
	 * or into a period held is kept as an attempt for supervision, SUP-3).
	 */
	@Transactional
	public Claim submit(Actor actor, Submission s) {
		var claimant = claimant(actor);
		if (s.scheme() == null || !EnterpriseSchemes.RULES.containsKey(s.scheme())) {
			throw new InvalidValueException("subsidy.claim.scheme", s.scheme());
		}
		if (s.bankAccount() == null || !s.bankAccount().strip().matches("[0-9 -]{8,40}")) {
			throw new InvalidValueException("subsidy.claim.bank-account");
		}
		var evidence = s.evidence() == null ? Map.<String, String>of() : s.evidence();
		var hire = recordedHire(claimant, s.scheme(), evidence);
		if (hire.isPresent()) {
			evidence = withHire(evidence, hire.get());
		}
		var c = hire.isPresent() ? gather(claimant, s.scheme(), evidence, hire.get().personIndex(), 0)
				: gather(claimant, s.scheme(), evidence);
		var assessment = EnterpriseSchemes.assess(c.claimCase());
		if (!assessment.granted()) {
			var refusal = assessment.refusal();
			audit.record(actor, "subsidy.claim.submit", s.scheme(), AuditOutcome.DENIED, refusal.code());
			refusals.record(c.claimCase(), refusal, actor.username());
			throw new Refused(refusal);
		}
		var person = c.claimCase().person();
		var id = jdbc.sql("""
				insert into subsidy.claim (scheme, claimant_code, claimant_name, claimant_path, person_index, person_id,
				    person_masked, period, evidence, amount, bank_account_sealed, bank_account_masked, status, submitted_by,
				    pack_version, steps)
				values (:scheme, :code, :name, :path, :index, :person, :masked, :period, cast(:evidence as jsonb), :amount,
				    :account, :accountMasked, 'SUBMITTED', :user, :pack, cast(:steps as jsonb))
				returning id
				""").param("scheme", s.scheme()).param("code", claimant.code()).param("name", claimant.name())
				.param("path", claimant.path()).param("index", c.index()).param("person", person.map(PersonProfile::personId).orElse(null))
				.param("masked", person.map(p -> Beneficiaries.mask(p.name(), p.idNumberMasked())).orElse(null))
				.param("period", assessment.entitlements().get(0).period()
						+ (assessment.entitlements().size() > 1 ? " … " + assessment.entitlements().get(assessment.entitlements().size() - 1).period() : ""))
				.param("evidence", json.writeValueAsString(masked(evidence))).param("amount", assessment.total().json())
				.param("account", bankAccounts.seal(s.bankAccount()))
				.param("accountMasked", BankAccounts.mask(s.bankAccount())).param("user", actor.username()).param("pack", c.packLabel())
				.param("steps", json.writeValueAsString(assessment.steps()))
				.query(Long.class).single();
		audit.record(actor, "subsidy.claim.submit", "claim:" + id, AuditOutcome.SUCCESS, s.scheme() + " " + assessment.total());
		return claim(actor, id);
	}

	/** The schemes that pay per hire and so may be claimed from a hire recorded on the platform (004 第8条). */
	public static final Set<String> PER_HIRE = Set.of("PROJECT_HIRE");

	/** What a recorded hire fills in of a per-hire scheme's evidence: the rest the claimant still gives. */
	public static final Set<String> FILLED_BY_HIRE = Set.of("idNumber", "name", "hiredOn", "certificateNumber");

	/** A hire the enterprise recorded here (REC-3), with the person's best valid certificate for the claim. */
	public record RecordedHire(Placement placement, Optional<Certificate> certificate) {
	}

	/**
	 * The claimant's hires of the last two years that a per-hire scheme can be claimed with, newest first; people
	 * already claimed for under the scheme are left out.
	 */
	@Transactional(readOnly = true)
	public List<RecordedHire> recordedHires(Actor actor, String scheme) {
		if (!PER_HIRE.contains(scheme) || actor.role() != Role.ENTERPRISE) {
			return List.of();
		}
		var claimant = claimant(actor);
		var today = LocalDate.now(clock);
		return placements.evidence(claimant.code(), today.minusYears(2), today.plusMonths(3), 100).stream()
				.filter(h -> held(scheme, h.personIndex(), claimant.code(), 0).isEmpty())
				.map(h -> new RecordedHire(h.placement(), bestCertificate(h))).toList();
	}

	/** One recorded hire of the claimant's, for the claim form. */
	@Transactional(readOnly = true)
	public Optional<RecordedHire> recordedHire(Actor actor, long placementId) {
		var claimant = claimant(actor);
		return placements.evidence(claimant.code(), placementId).map(h -> new RecordedHire(h.placement(), bestCertificate(h)));
	}

	/** The hire a claim names by {@code placementId}; none named, none; another enterprise's, refused as unknown. */
	private Optional<Placements.HireEvidence> recordedHire(ClaimCase.Claimant claimant, String scheme,
			Map<String, String> evidence) {
		var named = evidence.get("placementId");
		if (named == null || named.isBlank()) {
			return Optional.empty();
		}
		if (!PER_HIRE.contains(scheme)) {
			throw new InvalidValueException("subsidy.claim.placement-scheme");
		}
		try {
			return Optional.of(placements.evidence(claimant.code(), Long.parseLong(named.strip()))
					.orElseThrow(() -> new InvalidValueException("subsidy.claim.placement-unknown", named)));
		}
		catch (NumberFormatException e) {
			throw new InvalidValueException("subsidy.claim.placement-unknown", named);
		}
	}

	/** The evidence with who and when taken from the hire, and the best certificate unless the claimant named one. */
	private Map<String, String> withHire(Map<String, String> evidence, Placements.HireEvidence hire) {
		var filled = new TreeMap<>(evidence);
		filled.remove("idNumber");
		filled.put("placementId", String.valueOf(hire.placement().id()));
		filled.put("name", hire.placement().personName());
		filled.put("hiredOn", hire.placement().startsOn().toString());
		if (filled.get("certificateNumber") == null || filled.get("certificateNumber").isBlank()) {
			bestCertificate(hire).ifPresent(c -> filled.put("certificateNumber", c.number()));
		}
		return filled;
	}

	/** The person's valid certificate in the hire's occupation if any, else any, the highest grade first. */
	private Optional<Certificate> bestCertificate(Placements.HireEvidence hire) {
		var occupation = hire.placement().occupationCode();
		return certificates.forHolderIndex(hire.personIndex()).stream().filter(c -> "VALID".equals(c.status()))
				.filter(c -> c.grade() != null)
				.max(Comparator.<Certificate, Boolean>comparing(c -> occupation.equals(c.occupationCode()))
						.thenComparing(c -> SkillGrade.fromCode(c.grade()).ordinal())
						.thenComparing(Certificate::issuedOn));
	}

	/** The officer's review: it goes on for approval, or back to the claimant rejected with a reason. */
	@Transactional
	public Claim review(Actor actor, long id, boolean passed, String reason) {
		var claim = forOfficer(actor, id, "subsidy.claim.review");
		if (claim.status() != ClaimStatus.SUBMITTED) {
			throw new ConflictException("subsidy.claim.status", claim.status().name());
		}
		if (!passed && (reason == null || reason.isBlank())) {
			throw new InvalidValueException("subsidy.claim.reason-required");
		}
		int reviewed = jdbc.sql("""
				update subsidy.claim set status = :status, reason = :reason, reviewed_by = :user, reviewed_at = now()
				where id = :id and status = 'SUBMITTED'
				""").param("status", (passed ? ClaimStatus.REVIEWED : ClaimStatus.REJECTED).name()).param("reason", reason == null ? null : reason.strip())
				.param("user", actor.username()).param("id", id).update();
		if (reviewed == 0) {
			throw lostRace(actor, "subsidy.claim.review", id);
		}
		audit.record(actor, "subsidy.claim.review", "claim:" + id, AuditOutcome.SUCCESS, passed ? "reviewed" : "rejected: " + reason);
		return claim(actor, id);
	}

	/**
	 * Approval by an officer other than the reviewer: the rules run again on today's facts (a person may have left,
	 * another claim may have taken the period), and the entitlements become decisions.
	 */
	@Transactional
	public Claim decide(Actor actor, long id, boolean approved, String reason) {
		var claim = forOfficer(actor, id, "subsidy.claim.decide");
		if (claim.status() != ClaimStatus.REVIEWED) {
			throw new ConflictException("subsidy.claim.status", claim.status().name());
		}
		if (actor.username().equals(claim.reviewedBy())) {
			audit.record(actor, "subsidy.claim.decide", "claim:" + id, AuditOutcome.DENIED, "four eyes");
			throw new ConflictException("subsidy.claim.second-officer");
		}
		if (!approved) {
			if (reason == null || reason.isBlank()) {
				throw new InvalidValueException("subsidy.claim.reason-required");
			}
			int rejected = jdbc.sql("""
					update subsidy.claim set status = 'REJECTED', reason = :reason, decided_by = :user, decided_at = now()
					where id = :id and status = 'REVIEWED'
					""").param("reason", reason.strip()).param("user", actor.username()).param("id", id).update();
			if (rejected == 0) {
				throw lostRace(actor, "subsidy.claim.decide", id);
			}
			audit.record(actor, "subsidy.claim.decide", "claim:" + id, AuditOutcome.SUCCESS, "rejected: " + reason);
			return claim(actor, id);
		}
		var row = jdbc.sql("""
				select status, claimant_code, person_index, bank_account_sealed, bank_account_masked
				from subsidy.claim where id = :id for no key update
				""").param("id", id).query((rs, i) -> new Approving(ClaimStatus.valueOf(rs.getString(1)), rs.getString(2),
						IdNumberIndex.ofNullable(rs.getBytes(3)), rs.getBytes(4), rs.getString(5))).single();
		if (row.status() != ClaimStatus.REVIEWED) {
			// another officer decided it while this one was reading it
			throw lostRace(actor, "subsidy.claim.decide", id);
		}
		var stored = json.readValue(jdbc.sql("select evidence::text from subsidy.claim where id = :id").param("id", id)
				.query(String.class).single(), EVIDENCE);
		var claimant = claimantOf(row.claimantCode());
		var index = row.personIndex();
		holdEntitlements(claim.scheme(), index, claimant.code());
		var c = gather(claimant, claim.scheme(), stored, index, id);
		var assessment = EnterpriseSchemes.assess(c.claimCase());
		if (!assessment.granted()) {
			var refusal = assessment.refusal();
			throw new ConflictException(refusal.code(), refusalArguments(refusal));
		}
		var payingRegion = RegionPath.of(claimant.path()).code().value();
		var person = c.claimCase().person();
		if (claim.scheme().equals("TECHNICIAN_ALLOWANCE")) {
			var months = assessment.entitlements();
			allowances.schedule(id, EnterpriseSchemes.firstDay(months.get(0).period()), months.size(),
					months.get(0).amount(), claimant.code(), c.fundingSource(),
					"EMPLOYER".equals(c.claimCase().parameters().get("payee")));
		}
		else {
			var source = fundingSource(c.fundingSource());
			for (var e : assessment.entitlements()) {
				var key = businessKey(claim.scheme(), index, claimant.code(), e.period());
				var year = e.period().matches("\\d{4}") ? Integer.parseInt(e.period()) : LocalDate.now(clock).getYear();
				// committed against the claimant's county's budget of the scheme's source, as a training subsidy is
				var funded = budgets.commit(new Budgets.Key(payingRegion, source, year), e.amount());
				var inserted = decisions.insert(new Decisions.New(claim.scheme(), key, null, null, index,
						person.map(p -> Beneficiaries.mask(p.name(), p.idNumberMasked())).orElse(claimant.name()),
						person.map(p -> p.personId().value()).orElse(null), "ORGANISATION", claimant.code(),
						claimant.name(), row.bankAccountSealed(), row.bankAccountMasked(), null, null, year,
						e.period(), payingRegion, claimant.path(), source,
						funded ? Outcome.GRANTED : Outcome.WAITING, funded ? null : "subsidy.budget-exhausted",
						e.amount(), c.packLabel(), json.writeValueAsString(assessment.steps()), null, null, id));
				if (!inserted) {
					var held = EnterpriseSchemes.periodHeld(c.claimCase().clause(), e.period());
					throw new ConflictException(held.code(), refusalArguments(held));
				}
			}
		}
		jdbc.sql("""
				update subsidy.claim set status = 'APPROVED', decided_by = :user, decided_at = now(),
				    steps = cast(:steps as jsonb) where id = :id
				""").param("user", actor.username()).param("steps", json.writeValueAsString(assessment.steps()))
				.param("id", id).update();
		if (claim.scheme().equals("TECHNICIAN_ALLOWANCE")) {
			allowances.accrue(id, LocalDate.now(clock));
		}
		audit.record(actor, "subsidy.claim.decide", "claim:" + id, AuditOutcome.SUCCESS, "approved " + assessment.total());
		return claim(actor, id);
	}

	/** What an approval reads of its claim, under the claim's row lock. */
	private record Approving(ClaimStatus status, String claimantCode, IdNumberIndex personIndex, byte[] bankAccountSealed,
			String bankAccountMasked) {
	}

	/**
	 * Another officer moved the claim on since this one read it (the status guard changed no row): audited as a
	 * failure, answered 409 with the status it now has.
	 */
	private ConflictException lostRace(Actor actor, String action, long id) {
		var now = jdbc.sql("select status from subsidy.claim where id = :id").param("id", id).query(String.class)
				.single();
		audit.record(actor, action, "claim:" + id, AuditOutcome.FAILURE, "changed meanwhile: " + now);
		return new ConflictException("subsidy.claim.status", now);
	}

	/** The source a city's pack pays its schemes from (schemeFundingSource); a pack naming no known one is refused. */
	static FundingSource fundingSource(String code) {
		var source = FundingSource.ofCode(code);
		if (source == null) {
			throw new BusinessException("subsidy.budget.source", code);
		}
		return source;
	}

	/** The entitlement's business key: person (or claimant, for what is paid once to it), scheme and period. */
	static String businessKey(String scheme, IdNumberIndex personIndex, String claimantCode, String period) {
		return scheme + ":" + (personIndex == null ? "org:" + claimantCode : personIndex.hex()) + ":"
				+ period;
	}

	/**
	 * A claim its scheme's rules refused: the refusing step (its code is the refusal's), whose sentence the message
	 * carries as its argument, so the form can say it under the field it concerns.
	 */
	public static final class Refused extends BusinessException {

		private final transient Step step;

		Refused(Step step) {
			super(step.code(), refusalArguments(step));
			this.step = step;
		}

		public Step step() {
			return step;
		}
	}

	/**
	 * What a refusal's message is filled with: the step's own arguments when its sentence is the code's own message,
	 * else the step's sentence (resolved in the reader's language when the message is).
	 */
	static Object[] refusalArguments(Step step) {
		return step.reason().equals(step.code()) ? step.argumentArray() : new Object[] { sentence(step) };
	}

	/** A step's sentence, for a message that quotes it: resolved in the reader's language when the message is. */
	static MessageSourceResolvable sentence(Step step) {
		return new DefaultMessageSourceResolvable(new String[] { step.reason() },
				step.argumentArray(), step.reason());
	}

	/** Filters of a claims list: status, scheme and (for officers) the claimant's name, any part of it. */
	public record Filter(String status, String scheme, String claimant) {

		public static final Filter ALL = new Filter(null, null, null);
	}

	public static final Map<String, String> SORTS = Map.of("submitted", "c.id", "amount", "c.amount", "status",
			"c.status", "claimant", "c.claimant_name");

	/** The claimant's own claims; an officer's region's; a page at a time with the total. */
	@Transactional(readOnly = true)
	public Page<Claim> list(Actor actor, Filter filter, PageRequest request) {
		var officer = actor.regionalOfficer();
		var code = officer ? "" : claimant(actor).code();
		var where = """
				where (case when :officer then c.claimant_path like :path || '%' else c.claimant_code = :code end)
				  and (cast(:status as text) is null or c.status = :status)
				  and (cast(:scheme as text) is null or c.scheme = :scheme)
				  and (cast(:claimant as text) is null or strpos(c.claimant_name, :claimant) > 0)
				""";
		UnaryOperator<JdbcClient.StatementSpec> bind = sql -> sql.param("officer", officer)
				.param("path", officer ? actor.scope().regionPath() : "").param("code", code)
				.param("status", blank(filter.status())).param("scheme", blank(filter.scheme()))
				.param("claimant", officer ? blank(filter.claimant()) : null);
		var total = bind.apply(jdbc.sql("select count(*) from subsidy.claim c " + where)).query(Long.class).single();
		var items = bind.apply(jdbc.sql("select c.* from subsidy.claim c " + where + " order by "
				+ request.orderBy(SORTS, "c.id") + " limit :limit offset :offset")).param("limit", request.size())
				.param("offset", request.offset()).query((rs, i) -> map(rs)).list();
		return Page.of(items, total, request);
	}

	/** Claims of the officer's region in a status (SUBMITTED to review, REVIEWED to approve, not by themselves). */
	@Transactional(readOnly = true)
	public long waiting(Actor actor, ClaimStatus status) {
		if (!actor.regionalOfficer()) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from subsidy.claim where claimant_path like :path || '%' and status = :status
				  and coalesce(reviewed_by, '') <> :user
				""").param("path", actor.scope().regionPath()).param("status", status.name())
				.param("user", actor.username()).query(Long.class).single();
	}

	/** The claimant's claims sent back (rejected) since a day: to correct and submit again. */
	@Transactional(readOnly = true)
	public long returned(Actor actor, Instant since) {
		if (actor.role() != Role.ENTERPRISE && actor.role() != Role.TRAINING_PROVIDER
				&& actor.role() != Role.TECHNICAL_SCHOOL) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from subsidy.claim where claimant_code = :code and status = 'REJECTED'
				  and coalesce(decided_at, reviewed_at) >= :since
				""").param("code", actor.scope().value()).param("since", Timestamp.from(since))
				.query(Long.class).single();
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	@Transactional(readOnly = true)
	public Claim claim(Actor actor, long id) {
		var officer = actor.regionalOfficer();
		return jdbc.sql("""
				select * from subsidy.claim where id = :id
				  and (case when :officer then claimant_path like :path || '%' else claimant_code = :code end)
				""").param("id", id).param("officer", officer).param("path", officer ? actor.scope().regionPath() : "")
				.param("code", officer ? "" : actor.scope().value()).query((rs, i) -> map(rs)).optional()
				.orElseThrow(() -> new NotFoundException("subsidy.claim.not-found"));
	}

	private Claim forOfficer(Actor actor, long id, String action) {
		if (!actor.regionalOfficer()) {
			throw actor.refuse(action, "claim:" + id, null);
		}
		return claim(actor, id);
	}

	private record Gathered(ClaimCase claimCase, IdNumberIndex index, String packLabel, String fundingSource) {
	}

	private Gathered gather(ClaimCase.Claimant claimant, String scheme, Map<String, String> evidence) {
		IdNumberIndex index = null;
		var idNumber = evidence.get("idNumber");
		if (idNumber != null && !idNumber.isBlank()) {
			index = cipher.index(IdNumber.parse(idNumber.strip()));
		}
		return gather(claimant, scheme, evidence, index, 0);
	}

	/** Gathers a claim's case; {@code claimId} is the claim itself when it is judged again at approval. */
	private Gathered gather(ClaimCase.Claimant claimant, String scheme, Map<String, String> evidence, IdNumberIndex index,
			long claimId) {
		var today = LocalDate.now(clock);
		var city = packs.book().cityInForce(claimant.path(), today);
		@SuppressWarnings("unchecked")
		var schemes = city.map(p -> (Map<String, Object>) p.parameters().get("schemes")).orElse(null);
		if (schemes == null || !schemes.containsKey(scheme)) {
			throw new BusinessException("subsidy.claim.no-scheme", scheme);
		}
		@SuppressWarnings("unchecked")
		var parameters = (Map<String, Object>) schemes.get(scheme);
		var person = index == null ? Optional.<PersonProfile>empty() : persons.profile(index);
		var certificate = certificates.validFact(evidence.get("certificateNumber"));
		var held = held(scheme, index, claimant.code(), claimId);
		var c = new ClaimCase(scheme, claimant, person, evidence, parameters, held, certificate, today);
		var source = String.valueOf(city.get().parameters().getOrDefault("schemeFundingSource", "CITY_TALENT_FUND"));
		return new Gathered(c, index, city.get().label(), source);
	}

	/**
	 * Approvals of one person's (or organisation's) entitlements under a scheme run one after another, so that each
	 * reads the periods the other granted, not the state before it.
	 */
	private void holdEntitlements(String scheme, IdNumberIndex index, String claimantCode) {
		var who = index == null ? "org:" + claimantCode : "person:" + index.hex();
		jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) held")
				.param("key", scheme + ":" + who).query(Integer.class).single();
	}

	/** A claim's period as its entitlements: '2026', '2026-03', or a range of either ('2026-03 … 2028-02'). */
	static Stream<String> periodsOf(String period) {
		var ends = period.split(" … ");
		if (ends.length != 2) {
			return Stream.of(period);
		}
		if (ends[0].matches("\\d{4}-\\d{2}") && ends[1].matches("\\d{4}-\\d{2}")) {
			var last = YearMonth.parse(ends[1]);
			return Stream.iterate(YearMonth.parse(ends[0]), m -> !m.isAfter(last), m -> m.plusMonths(1))
					.map(YearMonth::toString);
		}
		if (ends[0].matches("\\d{4}") && ends[1].matches("\\d{4}")) {
			return IntStream.rangeClosed(Integer.parseInt(ends[0]), Integer.parseInt(ends[1])).mapToObj(String::valueOf);
		}
		return Arrays.stream(ends);
	}

	/**
	 * The periods this person (or, for what is paid once to an organisation, this claimant) already holds under the
	 * scheme: granted decisions, claims on their way (every period of their range), and the months of running
	 * allowance schedules.
	 */
	private List<String> held(String scheme, IdNumberIndex index, String claimantCode, long claimId) {
		var prefix = businessKey(scheme, index, claimantCode, "");
		return jdbc.sql("""
				select substr(business_key, length(:prefix) + 1) from subsidy.decision
				where business_key like :prefix || '%' and outcome in ('GRANTED', 'WAITING')
				  and claim_id is distinct from :claim
				union
				select to_char(s.first_month + make_interval(months => m), 'YYYY-MM')
				from subsidy.allowance_schedule s join subsidy.claim c on c.id = s.claim_id
				cross join generate_series(0, s.months - 1) m
				where c.scheme = :scheme and c.person_index = :index and s.ended_on is null and c.id <> :claim
				union
				select period from subsidy.claim
				where scheme = :scheme and status in ('SUBMITTED', 'REVIEWED') and id <> :claim
				  and (person_index = :index or (cast(:index as bytea) is null and claimant_code = :code))
				""").param("prefix", prefix).param("scheme", scheme).param("index", index).param("code", claimantCode)
				.param("claim", claimId).query(String.class).list().stream().flatMap(Claims::periodsOf).distinct()
				.toList();
	}

	private ClaimCase.Claimant claimant(Actor actor) {
		if (actor.role() != Role.ENTERPRISE && actor.role() != Role.TRAINING_PROVIDER && actor.role() != Role.TECHNICAL_SCHOOL) {
			throw new AccessDeniedException("organisations claim");
		}
		return claimantOf(actor.scope().value());
	}

	private ClaimCase.Claimant claimantOf(String code) {
		var enterprise = organisations.enterprise(code);
		if (enterprise.isPresent()) {
			var e = enterprise.get();
			return new ClaimCase.Claimant(e.creditCode(), e.name(), "ENTERPRISE", path(e.region()), e.industryField());
		}
		var provider = organisations.provider(code).orElseThrow(() -> new NotFoundException("organisation.not-found"));
		return new ClaimCase.Claimant(provider.creditCode(), provider.name(), provider.kind(), path(provider.region()), null);
	}

	private String path(String region) {
		return regions.pathOf(RegionCode.of(region)).orElseThrow();
	}

	/** The claim keeps the evidence, but an ID number only masked: the keyed index finds the person. */
	private static Map<String, String> masked(Map<String, String> evidence) {
		var copy = new TreeMap<>(evidence);
		copy.computeIfPresent("idNumber", (k, v) -> IdNumber.parse(v.strip()).masked());
		return copy;
	}

	private Claim map(ResultSet rs) throws SQLException {
		var id = rs.getLong("id");
		var steps = json.readValue(rs.getString("steps"), STEPS);
		return new Claim(id, rs.getString("scheme"), BankFile.SCHEMES.get(rs.getString("scheme")),
				rs.getString("claimant_code"), rs.getString("claimant_name"), rs.getString("person_masked"),
				rs.getString("period"), json.readValue(rs.getString("evidence"), EVIDENCE), Money.of(rs.getBigDecimal("amount")),
				ClaimStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("submitted_by"),
				rs.getTimestamp("submitted_at").toInstant(), rs.getString("reviewed_by"), rs.getString("decided_by"), steps);
	}

	/** A claim judged again for a what-if (SUB-5): what it earns under the schemes in force and under a draft's. */
	public record Repriced(long claimId, String scheme, String claimant, String person, String path, Money current,
			Money simulated) {
	}

	/** A claim as submitted, to judge again. */
	private record Submitted(long id, String scheme, String claimantCode, String claimantName, String claimantPath,
			IdNumberIndex personIndex, String personMasked, Map<String, String> evidence, LocalDate submittedOn) {
	}

	/**
	 * The year's claims of a scope that are approved or on their way, each judged again on its evidence as of the day
	 * it was submitted, once under the city's schemes then in force and once under {@code draftSchemes} (a draft
	 * names its parameters in full: a scheme it leaves out earns nothing). Nothing is written.
	 */
	public List<Repriced> reprice(String scopePath, int year, PolicyPacks.Book book, Map<String, Object> draftSchemes) {
		return jdbc.sql("""
				select id, scheme, claimant_code, claimant_name, claimant_path, person_index, person_masked, evidence,
				       (submitted_at at time zone 'Asia/Shanghai')::date as submitted_on
				from subsidy.claim
				where claimant_path like :path || '%' and status in ('SUBMITTED', 'REVIEWED', 'APPROVED')
				  and extract(year from submitted_at at time zone 'Asia/Shanghai') = :year
				order by id
				""").param("path", scopePath).param("year", year).query((rs, i) -> new Submitted(rs.getLong(1),
						rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						IdNumberIndex.ofNullable(rs.getBytes(6)), rs.getString(7), json.readValue(rs.getString(8), EVIDENCE),
						rs.getObject(9, LocalDate.class)))
				.list().stream().map(row -> {
					var id = row.id();
					var scheme = row.scheme();
					var index = row.personIndex();
					var evidence = row.evidence();
					var submittedOn = row.submittedOn();
					var claimant = claimantOf(row.claimantCode());
					var person = index == null ? Optional.<PersonProfile>empty() : persons.profile(index);
					var certificate = certificates.validFact(evidence.get("certificateNumber"));
					var held = held(scheme, index, claimant.code(), id);
					@SuppressWarnings("unchecked")
					var inForce = book.cityInForce(row.claimantPath(), submittedOn)
							.map(p -> (Map<String, Object>) p.parameters().get("schemes")).orElse(Map.of());
					Function<Map<String, Object>, Money> earns = schemes -> {
						@SuppressWarnings("unchecked")
						var parameters = (Map<String, Object>) schemes.get(scheme);
						if (parameters == null) {
							return Money.ZERO;
						}
						var assessment = EnterpriseSchemes.assess(new ClaimCase(scheme, claimant, person, evidence,
								parameters, held, certificate, submittedOn));
						return assessment.granted() ? assessment.total() : Money.ZERO;
					};
					return new Repriced(id, scheme, row.claimantName(), row.personMasked(), row.claimantPath(),
							earns.apply(inForce), earns.apply(draftSchemes == null ? Map.of() : draftSchemes));
				}).toList();
	}

	private Optional<Map<String, Object>> schemeParameters(String claimantPath) {
		@SuppressWarnings("unchecked")
		var schemes = packs.book().cityInForce(claimantPath, LocalDate.now(clock))
				.map(p -> (Map<String, Object>) p.parameters().get("schemes"));
		return schemes;
	}
}
