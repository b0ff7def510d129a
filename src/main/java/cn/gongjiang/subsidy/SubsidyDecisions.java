package cn.gongjiang.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.training.Enrolments;
import cn.gongjiang.training.SubsidyCatalogue;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seamless payment (无感支付, SUB-3): every issued certificate is decided with no application by anyone, by the pack
 * versions in force on its issue day; the decision, its inputs' verdicts and the amount are kept. One decision per
 * certificate and one granted subsidy per person, occupation and grade are held by unique constraints, so replays and
 * races change nothing. A grant commits the paying county's budget; without enough the decision waits until money is
 * added.
 */
@Service
public class SubsidyDecisions {

	private static final TypeReference<List<Step>> STEPS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final PolicyPacks packs;
	private final Enrolments trainings;
	private final SubsidyCatalogue catalogue;
	private final PersonRegistry persons;
	private final RegionDirectory regions;
	private final AuditLog audit;
	private final JsonMapper json;
	private final org.springframework.context.MessageSource messages;

	SubsidyDecisions(JdbcClient jdbc, PolicyPacks packs, Enrolments trainings, SubsidyCatalogue catalogue,
			PersonRegistry persons, RegionDirectory regions, AuditLog audit, JsonMapper json,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.packs = packs;
		this.trainings = trainings;
		this.catalogue = catalogue;
		this.persons = persons;
		this.regions = regions;
		this.audit = audit;
		this.json = json;
	}

	@ApplicationModuleListener
	void on(CertificateIssued issued) {
		decide(issued);
	}

	/** Decides one certificate; a certificate decided before keeps its decision. */
	@Transactional
	public void decide(CertificateIssued cert) {
		var key = TrainingSubsidyRules.SCHEME + ":certificate:" + cert.certificateId();
		if (jdbc.sql("select exists (select 1 from subsidy.decision where business_key = :k)").param("k", key)
				.query(Boolean.class).single()) {
			return;
		}
		var holder = HexFormat.of().parseHex(cert.holderIndex());
		var training = cert.trainingEnrolmentId() == null ? Optional.<Enrolments.CompletedTraining>empty()
				: trainings.training(cert.trainingEnrolmentId());
		var payingPath = training.map(Enrolments.CompletedTraining::countyPath).orElse(null);
		var province = packs.inForce("/330000/", cert.issuedOn());
		var city = payingPath == null ? Optional.<PolicyPack>empty() : packs.cityInForce(payingPath, cert.issuedOn());
		var year = cert.issuedOn().getYear();
		var granted = jdbc.sql("""
				select count(*) filter (where year = :year) as this_year,
				       count(*) filter (where occupation_code is not distinct from cast(:occupation as text)
				                          and grade is not distinct from cast(:grade as text)) as same
				from subsidy.decision where holder_index = :holder and scheme = 'TRAINING' and outcome = 'GRANTED'
				""").param("year", year).param("occupation", cert.occupationCode()).param("grade", cert.grade())
				.param("holder", holder).query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) }).single();
		var county = payingPath == null ? null : payingPath.replaceAll(".*/(\\d+)/$", "$1");
		var mountain = county != null && regions.lookup(RegionCode.of(county))
				.map(r -> Boolean.TRUE.equals(r.mountainCounty())).orElse(false);
		var entry = catalogue.current().stream().filter(e -> e.occupationCode().equals(cert.occupationCode())
				&& (e.grade() == null || e.grade().equals(cert.grade()))).findFirst();
		var person = persons.profile(holder);
		var c = new SubsidyCase(cert, training, person, province, city, granted[0], granted[1] > 0, entry, mountain);
		var steps = TrainingSubsidyRules.decide(c);
		var last = steps.get(steps.size() - 1);
		var outcome = last.verdict() == Step.Verdict.PASS ? "GRANTED" : "DENIED";
		var code = last.code();
		BigDecimal amount = null;
		if (outcome.equals("GRANTED")) {
			amount = new BigDecimal(last.detail().substring(0, last.detail().indexOf('（')));
			if (!commit(county, year, amount)) {
				outcome = "WAITING";
				code = "subsidy.budget-exhausted";
			}
		}
		var versions = province.label() + city.map(p -> "+" + p.label()).orElse("");
		var masked = person.map(p -> p.name().substring(0, 1) + "*".repeat(Math.max(0, p.name().length() - 1)) + " " + p.idNumberMasked())
				.orElse("—");
		int inserted = insert(key, cert, holder, masked, year, county, payingPath, outcome, code, amount, versions, steps);
		if (inserted == 0 && "GRANTED".equals(outcome)) {
			// another decision won the same entitlement meanwhile: give the money back and record the repeat
			release(county, year, amount);
			steps = new java.util.ArrayList<>(steps.subList(0, steps.size() - 1));
			steps.add(Step.deny("repeat", "浙人社发〔2022〕32号 §13（同一职业同一等级只补贴一次）",
					"subsidy.repeat-occupation-grade", "decided concurrently"));
			insert(key, cert, holder, masked, year, county, payingPath, "DENIED", "subsidy.repeat-occupation-grade", null,
					versions, steps);
		}
		else if ("GRANTED".equals(outcome)) {
			trainings.subsidised(cert.trainingEnrolmentId());
		}
		if (inserted == 1) {
			var finalOutcome = outcome;
			var finalCode = code;
			var finalAmount = amount;
			person.ifPresent(p -> archive(p.personId(), cert, finalOutcome, finalCode, finalAmount));
		}
	}

	/** The beneficiary's archive shows the decision and, in Chinese, why (SUB-3). */
	private void archive(long personId, CertificateIssued cert, String outcome, String code, BigDecimal amount) {
		var detail = new java.util.LinkedHashMap<String, Object>();
		detail.put("certificate", cert.number());
		detail.put("outcome", outcome);
		if (amount != null) {
			detail.put("amount", amount);
		}
		detail.put("why", messages.getMessage(code == null ? "subsidy.granted" : code, null,
				code == null ? "subsidy.granted" : code, java.util.Locale.SIMPLIFIED_CHINESE));
		persons.recordArchiveEvent(personId, cert.issuedOn(), "SUBSIDY", detail, "subsidy");
	}

	private int insert(String key, CertificateIssued cert, byte[] holder, String masked, int year, String county,
			String payingPath, String outcome, String code, BigDecimal amount, String versions, List<Step> steps) {
		return jdbc.sql("""
				insert into subsidy.decision (scheme, business_key, certificate_id, certificate_number, holder_index,
				    beneficiary_masked, occupation_code, grade, year, paying_region, paying_path, outcome, code, amount,
				    policy_versions, steps)
				values ('TRAINING', :key, :certificate, :number, :holder, :masked, :occupation, :grade, :year, :county,
				    :path, :outcome, :code, :amount, :versions, cast(:steps as jsonb))
				on conflict do nothing
				""").param("key", key).param("certificate", cert.certificateId()).param("number", cert.number())
				.param("holder", holder).param("masked", masked).param("occupation", cert.occupationCode())
				.param("grade", cert.grade()).param("year", year).param("county", county).param("path", payingPath)
				.param("outcome", outcome).param("code", code).param("amount", amount).param("versions", versions)
				.param("steps", json.writeValueAsString(steps)).update();
	}

	private boolean commit(String county, int year, BigDecimal amount) {
		return county != null && jdbc.sql("""
				update subsidy.budget set committed = committed + :amount
				where region_code = :county and year = :year and allocated - committed >= :amount
				""").param("amount", amount).param("county", county).param("year", year).update() == 1;
	}

	private void release(String county, int year, BigDecimal amount) {
		jdbc.sql("update subsidy.budget set committed = committed - :amount where region_code = :county and year = :year")
				.param("amount", amount).param("county", county).param("year", year).update();
	}

	/**
	 * Adds money to a county's budget for a year and grants the decisions that were waiting for it, oldest first, as
	 * far as it goes. Returns how many were granted.
	 */
	@Transactional
	public int allocate(Actor actor, String county, int year, BigDecimal amount) {
		var path = regions.pathOf(RegionCode.of(county)).orElseThrow(() -> new InvalidValueException("region.unknown", county));
		if (!actor.role().officer() || !actor.scope().covers(path)) {
			audit.record(actor, "subsidy.budget", county, AuditOutcome.DENIED, null);
			throw new AccessDeniedException("officers of the region allocate budgets");
		}
		if (amount == null || amount.signum() <= 0) {
			throw new InvalidValueException("subsidy.budget.amount", amount);
		}
		jdbc.sql("""
				insert into subsidy.budget (region_code, year, allocated) values (:county, :year, :amount)
				on conflict (region_code, year) do update set allocated = subsidy.budget.allocated + excluded.allocated
				""").param("county", county).param("year", year).param("amount", amount).update();
		int released = 0;
		// a waiting decision keeps the amount it is due
		for (var waiting : jdbc.sql("""
				select id, amount from subsidy.decision
				where paying_region = :county and year = :year and outcome = 'WAITING' order by decided_at, id
				""").param("county", county).param("year", year)
				.query((rs, i) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2) }).list()) {
			var due = (BigDecimal) waiting[1];
			if (!commit(county, year, due)) {
				break;
			}
			int granted = jdbc.sql("""
					update subsidy.decision set outcome = 'GRANTED', code = null, amount = :amount
					where id = :id and outcome = 'WAITING'
					""").param("amount", due).param("id", waiting[0]).update();
			released += granted;
		}
		audit.record(actor, "subsidy.budget", county + "/" + year, AuditOutcome.SUCCESS, amount + " allocated, "
				+ released + " released");
		return released;
	}

	/** Decisions in the officer's region (by paying county), optionally by certificate, outcome or year. */
	@Transactional(readOnly = true)
	public List<Decision> list(Actor actor, String certificateNumber, String outcome, Integer year) {
		if (!actor.role().officer() || !actor.scope().regional()) {
			throw new AccessDeniedException("decisions are the officers'");
		}
		return jdbc.sql("""
				select * from subsidy.decision
				where paying_path like :path || '%'
				  and (cast(:number as text) is null or certificate_number = :number)
				  and (cast(:outcome as text) is null or outcome = :outcome)
				  and (cast(:year as integer) is null or year = :year)
				order by id desc limit 500
				""").param("path", actor.scope().regionPath()).param("number", certificateNumber)
				.param("outcome", outcome).param("year", year).query((rs, i) -> new Decision(rs.getLong("id"),
						rs.getString("scheme"), rs.getString("certificate_number"), rs.getString("beneficiary_masked"),
						rs.getString("occupation_code"), rs.getString("grade"), rs.getInt("year"),
						rs.getString("paying_region"), rs.getString("outcome"), rs.getString("code"),
						rs.getBigDecimal("amount"), rs.getString("policy_versions"),
						json.readValue(rs.getString("steps"), STEPS), rs.getTimestamp("decided_at").toInstant()))
				.list();
	}

	Map<String, Object> budget(String county, int year) {
		return jdbc.sql("select * from subsidy.budget where region_code = :c and year = :y").param("c", county)
				.param("y", year).query().listOfRows().stream().findFirst().orElse(Map.of());
	}

}
