package cn.gongjiang.subsidy.decisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.PersonProfile;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.subsidy.FundingSource;
import cn.gongjiang.subsidy.PolicyPack;
import cn.gongjiang.subsidy.PolicyPacks;
import cn.gongjiang.subsidy.SubsidyOutcomesRecorded;
import cn.gongjiang.training.ClassEnrolments;
import cn.gongjiang.training.SubsidyCatalogue;
import cn.gongjiang.training.TrainingSignals;

/**
 * Decides certificates for the training subsidy (SUB-1, SUB-3), one as it is issued or thousands at once when deciding
 * in bulk: the same gathering (one query per kind of input for the whole chunk), the same rule code per certificate,
 * one insert for all decisions. Within a chunk a person's earlier grants count for their later certificates; across
 * chunks the database does, and its unique constraints settle races with other workers.
 */
@Component
public class CertificateDecider {

	private final JdbcClient jdbc;
	private final PolicyPacks packs;
	private final ClassEnrolments trainings;
	private final TrainingSignals signals;
	private final SubsidyCatalogue catalogue;
	private final PersonRegistry persons;
	private final RegionDirectory regions;
	private final TransactionTemplate transactions;
	private final Budgets budgets;
	private final Decisions decisions;

	private final ApplicationEventPublisher events;

	CertificateDecider(JdbcClient jdbc, PolicyPacks packs, ClassEnrolments trainings, TrainingSignals signals,
			SubsidyCatalogue catalogue, PersonRegistry persons, RegionDirectory regions,
			TransactionTemplate transactions,
			Budgets budgets, Decisions decisions, ApplicationEventPublisher events) {
		this.events = events;
		this.budgets = budgets;
		this.decisions = decisions;
		this.signals = signals;
		// its own transaction, even inside a listener's: a chunk whose budgets moved is rolled back and decided again
		this.transactions = new TransactionTemplate(
				Objects.requireNonNull(transactions.getTransactionManager()));
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.packs = packs;
		this.trainings = trainings;
		this.catalogue = catalogue;
		this.persons = persons;
		this.regions = regions;
	}

	/** The code of a grant held because its training carries a signal (an officer releases or refuses it). */
	public static final String HELD_FOR_SIGNAL = "subsidy.held.signal";

	/** One decision about to be written. */
	private record Pending(String key, CertificateIssued cert, IdNumberIndex holder, Optional<PersonProfile> person,
			String county, String payingPath, Outcome outcome, String code, Money amount, String versions,
			List<Step> steps, CaseInputs inputs) {

		Pending deniedAsRepeat() {
			var denied = new ArrayList<>(steps.subList(0, steps.size() - 1));
			denied.add(Step.deny("repeat", TrainingSubsidyRules.CLAUSES.get("repeat"), "subsidy.repeat-occupation-grade"));
			return new Pending(key, cert, holder, person, county, payingPath, Outcome.DENIED,
					"subsidy.repeat-occupation-grade", null, versions, denied, inputs);
		}
	}

	/** What a person already has granted: per year, and which occupation and grade. */
	private static final class Granted {
		final Map<Integer, Integer> perYear = new HashMap<>();
		final Set<String> occupationGrades = new HashSet<>();

		void add(int year, String occupation, String grade) {
			perYear.merge(year, 1, Integer::sum);
			occupationGrades.add(occupation + "|" + grade);
		}
	}

	/** The budgets a chunk was funded from moved meanwhile: the chunk is decided again. */
	private static final class BudgetMoved extends RuntimeException {
		BudgetMoved() {
			super(null, null, false, false);
		}
	}

	/**
	 * Decides those of the certificates not decided yet, in one transaction; returns how many decisions were written.
	 * Budgets are read without a lock and committed last, only if the money is still there; when another worker took
	 * it meanwhile the whole chunk is decided again, so workers deciding in parallel never wait on each other.
	 */
	public int decide(List<CertificateIssued> certificates) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(tx -> decideOnce(certificates));
			}
			catch (BudgetMoved moved) {
				if (attempt == 10) {
					throw new IllegalStateException("budgets kept moving while deciding " + certificates.size()
							+ " certificates");
				}
			}
		}
	}

	private static boolean inZhejiang(String path) {
		return path != null && path.startsWith(DataScope.PROVINCE_PATH) && !path.equals(DataScope.PROVINCE_PATH);
	}

	private int decideOnce(List<CertificateIssued> certificates) {
		var todo = undecided(certificates);
		if (todo.isEmpty()) {
			return 0;
		}
		var trainingById = trainings.trainings(todo.stream().map(CertificateIssued::trainingEnrolmentId)
				.filter(Objects::nonNull).distinct().toList()).stream()
				.collect(Collectors.toMap(ClassEnrolments.CompletedTraining::enrolmentId, Function.identity()));
		var signalled = signals.holdingSubsidies(trainingById.values().stream()
				.map(ClassEnrolments.CompletedTraining::classId).collect(Collectors.toSet()));
		var holders = todo.stream().map(CertificateIssued::holderIndex).distinct().toList();
		var profiles = persons.profiles(holders).stream()
				.collect(Collectors.toMap(PersonProfile::idNumberIndex, Function.identity(), (a, b) -> a));
		var granted = granted(holders);
		// the catalogue as it stood on each certificate's day, not today's
		var entries = catalogue.inForceBetween(
				todo.stream().map(CertificateIssued::issuedOn).min(Comparator.naturalOrder()).orElseThrow(),
				todo.stream().map(CertificateIssued::issuedOn).max(Comparator.naturalOrder()).orElseThrow());
		var entriesByOccupation = entries.stream().collect(Collectors.groupingBy(e -> e.occupationCode()));
		var book = packs.book();
		var mountains = new HashMap<String, Boolean>();
		// a chunk's certificates share a few hundred days and counties: each pack and county looked up once
		var provinceOn = new HashMap<LocalDate, Optional<PolicyPack>>();
		var cityOn = new HashMap<String, Optional<PolicyPack>>();
		var countyOf = new HashMap<String, String>();

		var pending = new ArrayList<Pending>();
		for (var cert : todo) {
			var training = Optional.ofNullable(cert.trainingEnrolmentId()).map(trainingById::get);
			var profile = Optional.ofNullable(profiles.get(cert.holderIndex()));
			// SUB-3: the county that answers for the decision: where the training was (and is paid), else where the
			// holder lives or is registered, else the province, so that every decision is some officer's to see
			var payingPath = training.map(ClassEnrolments.CompletedTraining::countyPath)
					.or(() -> profile.map(p -> inZhejiang(p.residencePath()) ? p.residencePath()
							: inZhejiang(p.hukouPath()) ? p.hukouPath() : null))
					.orElse(DataScope.PROVINCE_PATH);
			var county = payingPath == null ? null
					: countyOf.computeIfAbsent(payingPath, path -> RegionPath.of(path).code().value());
			// a certificate from before the province's policy took effect is read against its first version, and denied
			var provinceInForce = provinceOn.computeIfAbsent(cert.issuedOn(), day -> book.inForce("/330000/", day));
			var province = provinceInForce.or(() -> book.first("/330000/"))
					.orElseThrow(() -> new IllegalStateException("no province pack at all"));
			var city = training.isEmpty() ? Optional.<PolicyPack>empty()
					: cityOn.computeIfAbsent(payingPath + "|" + cert.issuedOn(),
							k -> book.cityInForce(payingPath, cert.issuedOn()));
			var mine = granted.computeIfAbsent(cert.holderIndex(), h -> new Granted());
			var mountain = county != null && mountains.computeIfAbsent(county, c -> regions.lookup(RegionCode.of(c))
					.map(r -> Boolean.TRUE.equals(r.mountainCounty())).orElse(false));
			var entry = entriesByOccupation.getOrDefault(cert.occupationCode(), List.of()).stream()
					.filter(e -> (e.grade() == null || e.grade().equals(cert.grade())) && e.validOn(cert.issuedOn()))
					.findFirst();
			var c = new SubsidyCase(cert, training, profile, province,
					city, mine.perYear.getOrDefault(cert.issuedOn().getYear(), 0),
					mine.occupationGrades.contains(cert.occupationCode() + "|" + cert.grade()), entry, mountain);
			var steps = provinceInForce.isPresent() ? TrainingSubsidyRules.decide(c)
					: List.of(Step.deny("policy-period", province.source(), "subsidy.before-policy",
							"subsidy.step.before-policy", province.effectiveFrom().toString()));
			var last = steps.get(steps.size() - 1);
			var outcome = last.verdict() == Step.Verdict.PASS ? Outcome.GRANTED : Outcome.DENIED;
			var amount = outcome.granted() ? last.amount() : null;
			if (amount != null) {
				mine.add(cert.issuedOn().getYear(), cert.occupationCode(), cert.grade());
			}
			var versions = province.label() + city.map(p -> "+" + p.label()).orElse("");
			var code = last.code();
			// SUB-3, SUP-3: a grant whose training carries a signal waits for an officer before any money moves
			var held = training.map(t -> signalled.get(t.classId())).orElse(null);
			if (amount != null && held != null) {
				outcome = Outcome.WAITING;
				code = HELD_FOR_SIGNAL;
			}
			pending.add(new Pending(key(cert), cert, cert.holderIndex(), c.person(), county, payingPath,
					outcome, code, amount, versions, steps, CaseInputs.of(c)));
		}
		var funded = fund(pending);
		var written = insert(funded);
		// a grant that lost its entitlement to a concurrent decision is written as a repeat
		var lost = funded.stream().filter(p -> !written.contains(p.key()) && p.outcome().granted()).toList();
		if (!lost.isEmpty()) {
			written.addAll(insert(lost.stream().map(Pending::deniedAsRepeat).toList()));
		}
		var final_ = new ArrayList<Pending>();
		for (var p : funded) {
			if (lost.contains(p)) {
				if (written.contains(p.key())) {
					final_.add(p.deniedAsRepeat());
				}
			}
			else if (written.contains(p.key())) {
				final_.add(p);
			}
		}
		trainings.subsidised(final_.stream().filter(p -> p.outcome().granted())
				.map(p -> p.cert().trainingEnrolmentId()).toList());
		archive(final_.stream().filter(p -> p.person().isPresent()).map(p -> decidedEntry(p)).toList());
		commit(final_);
		return final_.size();
	}

	private List<CertificateIssued> undecided(List<CertificateIssued> certificates) {
		var unique = new LinkedHashMap<String, CertificateIssued>();
		certificates.forEach(c -> unique.putIfAbsent(key(c), c));
		var decided = new HashSet<>(jdbc.sql("select business_key from subsidy.decision where business_key = any(:keys)")
				.param("keys", unique.keySet().toArray(String[]::new)).query(String.class).list());
		return unique.entrySet().stream().filter(e -> !decided.contains(e.getKey())).map(Map.Entry::getValue).toList();
	}

	/** The business key of a certificate's training-subsidy decision: one decision per certificate. */
	static String key(CertificateIssued certificate) {
		return TrainingSubsidyRules.SCHEME + ":certificate:" + certificate.certificateId();
	}

	private Map<IdNumberIndex, Granted> granted(List<IdNumberIndex> holders) {
		var granted = new HashMap<IdNumberIndex, Granted>();
		jdbc.sql("""
				select holder_index, year, occupation_code, grade from subsidy.decision
				where holder_index = any(:holders) and scheme = 'TRAINING' and outcome = 'GRANTED'
				""").param("holders", holders.stream().map(IdNumberIndex::bytes).toArray(byte[][]::new))
				.query((rs, i) -> {
					granted.computeIfAbsent(IdNumberIndex.of(rs.getBytes(1)), h -> new Granted()).add(rs.getInt(2), rs.getString(3),
							rs.getString(4));
					return null;
				}).list();
		return granted;
	}

	/** A training subsidy is paid from the paying county's skills-upgrading account for the certificate's year. */
	private static Budgets.Key budgetKey(Pending p) {
		return new Budgets.Key(p.county(), FundingSource.SKILLS_ACCOUNT, p.cert().issuedOn().getYear());
	}

	/**
	 * Funds grants from the paying county's budget for the year as it stands, in certificate order; what the budget
	 * cannot carry waits (subsidy.budget-exhausted) with the amount it is due. Nothing is committed yet.
	 */
	private List<Pending> fund(List<Pending> pending) {
		var left = new HashMap<>(budgets.left(pending.stream().filter(p -> p.amount() != null && p.county() != null)
				.map(CertificateDecider::budgetKey).distinct().toList()));
		var result = new ArrayList<Pending>();
		for (var p : pending) {
			if (p.amount() == null || !p.outcome().granted()) {
				result.add(p);
				continue;
			}
			var budget = p.county() == null ? null : budgetKey(p);
			var money = budget == null ? null : left.get(budget);
			if (money != null && money.isAtLeast(p.amount())) {
				left.put(budget, money.minus(p.amount()));
				result.add(p);
			}
			else {
				result.add(new Pending(p.key(), p.cert(), p.holder(), p.person(), p.county(), p.payingPath(),
						Outcome.WAITING, "subsidy.budget-exhausted", p.amount(), p.versions(), p.steps(), p.inputs()));
			}
		}
		return result;
	}

	/** Commits what was granted, all the chunk's budgets at once; if the money is gone, the chunk starts over. */
	private void commit(List<Pending> decided) {
		var sums = new HashMap<Budgets.Key, Money>();
		decided.stream().filter(p -> p.outcome().granted())
				.forEach(p -> sums.merge(budgetKey(p), p.amount(), Money::plus));
		if (!budgets.commitAll(sums)) {
			throw new BudgetMoved();
		}
	}

	/** Writes the decisions through their one writer; returns the business keys written. */
	private Set<String> insert(List<Pending> pending) {
		return decisions.insertAll(pending.stream().map(this::row).toList());
	}

	private Decisions.New row(Pending p) {
		return new Decisions.New(TrainingSubsidyRules.SCHEME, p.key(), p.cert().certificateId(), p.cert().number(),
				p.holder(), p.person().map(x -> Beneficiaries.mask(x.name(), x.idNumberMasked())).orElse("—"),
				p.person().map(x -> x.personId().value()).orElse(null), "PERSON", null, null, null, null,
				p.cert().occupationCode(), p.cert().grade(), p.cert().issuedOn().getYear(), null, p.county(),
				p.payingPath(), FundingSource.SKILLS_ACCOUNT, p.outcome(), p.code(), p.amount(), p.versions(),
				(Decisions.Document) g -> Step.writeStored(g, p.steps()), (Decisions.Document) p.inputs()::writeTo,
				p.cert().issuedOn(), null);
	}

	/** The archive entry of a decision just made: why is the deciding rule's reason, or the budget it waits for. */
	private SubsidyOutcomesRecorded.Outcome decidedEntry(Pending p) {
		var deciding = Step.deciding(p.steps());
		var waiting = p.outcome() == Outcome.WAITING;
		return archiveEntry(p.person().get().personId(), p.cert().number(), p.cert().issuedOn(), p.outcome().name(), p.amount(),
				waiting ? "subsidy.budget-exhausted" : deciding.reason(), waiting ? List.of() : deciding.arguments());
	}

	/**
	 * The beneficiary's archive shows the decision (SUB-3) as codes the archive renders in the reader's language: the
	 * outcome, the amount in yuan, the scheme, and the reason as a message key with its arguments. No prose.
	 */
	public SubsidyOutcomesRecorded.Outcome archiveEntry(PersonId personId, String certificate, LocalDate on,
			String outcome, Money amount, String reason, List<Object> arguments) {
		return new SubsidyOutcomesRecorded.Outcome(personId, on, certificate, TrainingSubsidyRules.SCHEME, outcome,
				amount, reason, arguments);
	}

	/** REG-4: outcomes reach the lifelong archive by one event, in the caller's transaction (a chunk: one event). */
	public void archive(List<SubsidyOutcomesRecorded.Outcome> outcomes) {
		if (!outcomes.isEmpty()) {
			events.publishEvent(new SubsidyOutcomesRecorded(outcomes));
		}
	}
}
