package cn.gongjiang.subsidy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.database.CsvCopy;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.ArchiveEvent;
import cn.gongjiang.registry.PersonProfile;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.training.CatalogueEntry;
import cn.gongjiang.training.Enrolments;
import cn.gongjiang.training.SubsidyCatalogue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides certificates for the training subsidy (SUB-1, SUB-3), one as it is issued or thousands at once when deciding
 * in bulk: the same gathering (one query per kind of input for the whole chunk), the same rule code per certificate,
 * one insert for all decisions. Within a chunk a person's earlier grants count for their later certificates; across
 * chunks the database does, and its unique constraints settle races with other workers.
 */
@Component
class CertificateDecider {

	private static final String REPEAT_CLAUSE = "浙人社发〔2022〕32号 §13（同一职业同一等级只补贴一次）";

	private final JdbcClient jdbc;
	private final PolicyPacks packs;
	private final Enrolments trainings;
	private final SubsidyCatalogue catalogue;
	private final PersonRegistry persons;
	private final RegionDirectory regions;
	private final JsonMapper json;
	private final MessageSource messages;
	private final javax.sql.DataSource dataSource;

	CertificateDecider(JdbcClient jdbc, PolicyPacks packs, Enrolments trainings, SubsidyCatalogue catalogue,
			PersonRegistry persons, RegionDirectory regions, JsonMapper json, MessageSource messages,
			javax.sql.DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.packs = packs;
		this.trainings = trainings;
		this.catalogue = catalogue;
		this.persons = persons;
		this.regions = regions;
		this.json = json;
		this.messages = messages;
	}

	/** One decision about to be written. */
	private record Pending(CertificateIssued cert, byte[] holder, Optional<PersonProfile> person, String county,
			String payingPath, String outcome, String code, BigDecimal amount, String versions, List<Step> steps,
			CaseInputs inputs) {

		String key() {
			return TrainingSubsidyRules.SCHEME + ":certificate:" + cert.certificateId();
		}

		Pending deniedAsRepeat() {
			var denied = new ArrayList<>(steps.subList(0, steps.size() - 1));
			denied.add(Step.deny("repeat", REPEAT_CLAUSE, "subsidy.repeat-occupation-grade", "decided concurrently"));
			return new Pending(cert, holder, person, county, payingPath, "DENIED", "subsidy.repeat-occupation-grade",
					null, versions, denied, inputs);
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

	/** Decides those of the certificates not decided yet; returns how many decisions were written. */
	@Transactional
	int decide(List<CertificateIssued> certificates) {
		var todo = undecided(certificates);
		if (todo.isEmpty()) {
			return 0;
		}
		var trainingById = trainings.trainings(todo.stream().map(CertificateIssued::trainingEnrolmentId)
				.filter(java.util.Objects::nonNull).distinct().toList()).stream()
				.collect(Collectors.toMap(Enrolments.CompletedTraining::enrolmentId, Function.identity()));
		var holders = todo.stream().map(CertificateIssued::holderIndex).distinct().toList();
		var hex = HexFormat.of();
		var profiles = persons.profiles(holders.stream().map(hex::parseHex).toList()).stream()
				.collect(Collectors.toMap(PersonProfile::idNumberIndex, Function.identity(), (a, b) -> a));
		var granted = granted(holders);
		var entries = catalogue.current();
		var book = packs.book();
		var mountains = new HashMap<String, Boolean>();

		var pending = new ArrayList<Pending>();
		for (var cert : todo) {
			var training = Optional.ofNullable(cert.trainingEnrolmentId()).map(trainingById::get);
			var payingPath = training.map(Enrolments.CompletedTraining::countyPath).orElse(null);
			var county = payingPath == null ? null : payingPath.replaceAll(".*/(\\d+)/$", "$1");
			var province = book.inForce("/330000/", cert.issuedOn())
					.orElseThrow(() -> new IllegalStateException("no province pack in force on " + cert.issuedOn()));
			var city = payingPath == null ? Optional.<PolicyPack>empty() : book.cityInForce(payingPath, cert.issuedOn());
			var mine = granted.computeIfAbsent(cert.holderIndex(), h -> new Granted());
			var mountain = county != null && mountains.computeIfAbsent(county, c -> regions.lookup(RegionCode.of(c))
					.map(r -> Boolean.TRUE.equals(r.mountainCounty())).orElse(false));
			var entry = entries.stream().filter(e -> e.occupationCode().equals(cert.occupationCode())
					&& (e.grade() == null || e.grade().equals(cert.grade())) && e.validOn(cert.issuedOn())).findFirst();
			var c = new SubsidyCase(cert, training, Optional.ofNullable(profiles.get(cert.holderIndex())), province,
					city, mine.perYear.getOrDefault(cert.issuedOn().getYear(), 0),
					mine.occupationGrades.contains(cert.occupationCode() + "|" + cert.grade()), entry, mountain);
			var steps = TrainingSubsidyRules.decide(c);
			var last = steps.get(steps.size() - 1);
			var outcome = last.verdict() == Step.Verdict.PASS ? "GRANTED" : "DENIED";
			var amount = outcome.equals("GRANTED") ? TrainingSubsidyRules.amountOf(last) : null;
			if (amount != null) {
				mine.add(cert.issuedOn().getYear(), cert.occupationCode(), cert.grade());
			}
			var versions = province.label() + city.map(p -> "+" + p.label()).orElse("");
			pending.add(new Pending(cert, hex.parseHex(cert.holderIndex()), c.person(), county, payingPath, outcome,
					last.code(), amount, versions, steps, CaseInputs.of(c)));
		}
		var funded = commitBudgets(pending);
		var written = insert(funded);
		// a grant that lost its entitlement to a concurrent decision gives its money back and is written as a repeat
		var lost = funded.stream().filter(p -> !written.contains(p.key()) && p.outcome().equals("GRANTED")).toList();
		if (!lost.isEmpty()) {
			lost.forEach(p -> release(p.county(), p.cert().issuedOn().getYear(), p.amount()));
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
		trainings.subsidised(final_.stream().filter(p -> p.outcome().equals("GRANTED"))
				.map(p -> p.cert().trainingEnrolmentId()).toList());
		persons.recordArchiveEvents(final_.stream().filter(p -> p.person().isPresent())
				.map(p -> archiveEntry(p.person().get().personId(), p.cert().number(), p.cert().issuedOn(),
						p.outcome(), p.code(), p.amount()))
				.toList(), "subsidy");
		return final_.size();
	}

	private List<CertificateIssued> undecided(List<CertificateIssued> certificates) {
		var unique = new LinkedHashMap<Long, CertificateIssued>();
		certificates.forEach(c -> unique.putIfAbsent(c.certificateId(), c));
		var decided = new HashSet<>(jdbc.sql("""
				select certificate_id from subsidy.decision where certificate_id = any(:ids) and scheme = 'TRAINING'
				""").param("ids", unique.keySet().toArray(Long[]::new)).query(Long.class).list());
		return unique.values().stream().filter(c -> !decided.contains(c.certificateId())).toList();
	}

	private Map<String, Granted> granted(List<String> holders) {
		var granted = new HashMap<String, Granted>();
		var hex = HexFormat.of();
		jdbc.sql("""
				select encode(holder_index, 'hex'), year, occupation_code, grade from subsidy.decision
				where holder_index = any(:holders) and scheme = 'TRAINING' and outcome = 'GRANTED'
				""").param("holders", holders.stream().map(hex::parseHex).toArray(byte[][]::new))
				.query((rs, i) -> {
					granted.computeIfAbsent(rs.getString(1), h -> new Granted()).add(rs.getInt(2), rs.getString(3),
							rs.getString(4));
					return null;
				}).list();
		return granted;
	}

	/**
	 * Commits grants against the paying county's budget for the year, in certificate order; what the budget cannot
	 * carry waits (subsidy.budget-exhausted) with the amount it is due.
	 */
	private List<Pending> commitBudgets(List<Pending> pending) {
		var keys = pending.stream().filter(p -> p.amount() != null && p.county() != null)
				.map(p -> p.county() + "/" + p.cert().issuedOn().getYear()).distinct().toList();
		var left = new HashMap<String, BigDecimal>();
		for (var key : keys) {
			var parts = key.split("/");
			jdbc.sql("select allocated - committed from subsidy.budget where region_code = :c and year = :y for update")
					.param("c", parts[0]).param("y", Integer.parseInt(parts[1])).query(BigDecimal.class).optional()
					.ifPresent(money -> left.put(key, money));
		}
		var committed = new HashMap<String, BigDecimal>();
		var result = new ArrayList<Pending>();
		for (var p : pending) {
			if (p.amount() == null) {
				result.add(p);
				continue;
			}
			var key = p.county() + "/" + p.cert().issuedOn().getYear();
			var money = left.getOrDefault(key, BigDecimal.ZERO);
			if (p.county() != null && money.compareTo(p.amount()) >= 0) {
				left.put(key, money.subtract(p.amount()));
				committed.merge(key, p.amount(), BigDecimal::add);
				result.add(p);
			}
			else {
				result.add(new Pending(p.cert(), p.holder(), p.person(), p.county(), p.payingPath(), "WAITING",
						"subsidy.budget-exhausted", p.amount(), p.versions(), p.steps(), p.inputs()));
			}
		}
		committed.forEach((key, amount) -> {
			var parts = key.split("/");
			jdbc.sql("update subsidy.budget set committed = committed + :a where region_code = :c and year = :y")
					.param("a", amount).param("c", parts[0]).param("y", Integer.parseInt(parts[1])).update();
		});
		return result;
	}

	void release(String county, int year, BigDecimal amount) {
		jdbc.sql("update subsidy.budget set committed = committed - :amount where region_code = :county and year = :year")
				.param("amount", amount).param("county", county).param("year", year).update();
	}

	private static final String COLUMNS = "business_key, certificate_id, certificate_number, holder_index, "
			+ "beneficiary_masked, person_id, occupation_code, grade, year, paying_region, paying_path, outcome, code, "
			+ "amount, policy_versions, steps, inputs";

	/**
	 * Writes the decisions: {@code COPY} into a session-local staging table, then one {@code INSERT … SELECT} that
	 * lets the unique constraints refuse what another worker decided meanwhile. Returns the business keys written.
	 */
	private Set<String> insert(List<Pending> pending) {
		if (pending.isEmpty()) {
			return new HashSet<>();
		}
		jdbc.sql("""
				create temporary table if not exists decision_chunk (business_key text, certificate_id bigint,
				    certificate_number text, holder_index bytea, beneficiary_masked text, person_id bigint,
				    occupation_code text, grade text, year integer, paying_region text, paying_path text, outcome text,
				    code text, amount numeric, policy_versions text, steps json, inputs json)
				on commit delete rows
				""").update();
		var csv = new java.io.StringWriter(pending.size() * 1024);
		var writer = de.siegmar.fastcsv.writer.CsvWriter.builder().build(csv);
		var hex = HexFormat.of();
		for (var p : pending) {
			writer.writeRecord(p.key(), String.valueOf(p.cert().certificateId()), p.cert().number(),
					"\\x" + hex.formatHex(p.holder()),
					p.person().map(x -> Beneficiaries.mask(x.name(), x.idNumberMasked())).orElse("—"),
					p.person().map(x -> String.valueOf(x.personId())).orElse(null), p.cert().occupationCode(),
					p.cert().grade(), String.valueOf(p.cert().issuedOn().getYear()), p.county(), p.payingPath(),
					p.outcome(), p.code(), p.amount() == null ? null : p.amount().toPlainString(), p.versions(),
					json.writeValueAsString(p.steps()), json.writeValueAsString(p.inputs()));
		}
		try {
			writer.flush();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			CsvCopy.copy(connection, new java.io.ByteArrayInputStream(csv.toString().getBytes(
					java.nio.charset.StandardCharsets.UTF_8)), "decision_chunk (" + COLUMNS + ")", false);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException("copying decisions", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		// optimistic: the chunk was checked against what is decided, so a plain insert nearly always succeeds; when a
		// concurrent worker won an entitlement meanwhile, the constraints decide row by row instead
		var insert = "insert into subsidy.decision (scheme, " + COLUMNS + ") select 'TRAINING', " + COLUMNS
				+ " from decision_chunk";
		jdbc.sql("savepoint decision_chunk").update();
		try {
			var written = jdbc.sql(insert + " returning business_key").query(String.class).list();
			jdbc.sql("release savepoint decision_chunk").update();
			return new HashSet<>(written);
		}
		catch (org.springframework.dao.DuplicateKeyException raced) {
			jdbc.sql("rollback to savepoint decision_chunk").update();
			return new HashSet<>(jdbc.sql(insert + " on conflict do nothing returning business_key").query(String.class)
					.list());
		}
	}

	/** The beneficiary's archive shows the decision and, in Chinese, why (SUB-3). */
	ArchiveEvent archiveEntry(long personId, String certificate, java.time.LocalDate on, String outcome, String code,
			BigDecimal amount) {
		var detail = new LinkedHashMap<String, Object>();
		detail.put("certificate", certificate);
		detail.put("outcome", outcome);
		if (amount != null) {
			detail.put("amount", amount);
		}
		var key = code == null ? "subsidy.granted" : code;
		detail.put("why", messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE));
		return new ArchiveEvent(personId, on, "SUBSIDY", detail);
	}
}
