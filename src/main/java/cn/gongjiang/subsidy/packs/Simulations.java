package cn.gongjiang.subsidy.packs;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.subsidy.PolicyPack;
import cn.gongjiang.subsidy.PolicyPacks;
import cn.gongjiang.subsidy.claims.Claims;
import cn.gongjiang.subsidy.decisions.CaseInputs;
import cn.gongjiang.subsidy.decisions.Step;
import cn.gongjiang.subsidy.decisions.TrainingSubsidyRules;
import cn.gongjiang.subsidy.payments.BankFile;

import tools.jackson.databind.json.JsonMapper;

/**
 * What-if (SUB-5): the rules run again on the frozen inputs of a year's training-subsidy decisions, once under the
 * versions in force and once with a draft standing in for its scope's version, and the two compared: total cost, by
 * region, by person group, who gains and who loses. A city's draft also prices its enterprise schemes: the year's
 * claims judged again on their evidence under the schemes in force and under the draft's. Nothing is written;
 * budgets are left out (a what-if prices the policy, not this year's money), and each person's earlier grants count
 * as they did when decided.
 */
@Service
public class Simulations {

	private final JdbcClient jdbc;
	private final PolicyPacks packs;
	private final Claims claims;
	private final RegionDirectory regions;
	private final AuditLog audit;
	private final JsonMapper json;
	private final Clock clock;

	Simulations(JdbcClient jdbc, PolicyPacks packs, Claims claims, RegionDirectory regions, AuditLog audit,
			JsonMapper json, Clock clock) {
		this.claims = claims;
		this.jdbc = jdbc;
		this.packs = packs;
		this.regions = regions;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	public record Request(long packId, Integer year) {
	}

	/** Current and simulated money for one group of certificates. */
	public record Share(String key, String name, int certificates, Money current, Money simulated) {

		public Money change() {
			return simulated.minus(current);
		}
	}

	/** One beneficiary whose amount changes. */
	public record Change(long decisionId, String beneficiary, String certificateNumber, String region,
			Money current, Money simulated) {
	}

	/** One claim under an enterprise scheme whose amount changes. */
	public record ClaimChange(long claimId, String scheme, String schemeName, String claimant, String person,
			Money current, Money simulated) {
	}

	/**
	 * The comparison. {@code currentTotal} … {@code largestChanges} are the training subsidy's (per certificate);
	 * {@code claims} … {@code claimChanges} the enterprise schemes' (per claim); {@code byScheme} has both.
	 */
	public record Result(String draft, String inForce, int year, int certificates, Money currentTotal,
			Money simulatedTotal, Money change, int grantedNow, int grantedSimulated, int gainers, int losers,
			List<Share> byRegion, List<Share> byScheme, List<Share> byPersonGroup, List<Change> largestChanges,
			int claims, Money claimsCurrent, Money claimsSimulated, List<ClaimChange> claimChanges) {
	}

	@Transactional(readOnly = true)
	public Result simulate(Actor actor, Request request) {
		actor.requireRegionalOfficer();
		var draft = packs.readable(actor, request.packId(), "subsidy.simulate");
		var year = request.year() == null ? LocalDate.now(clock).getYear() - 1 : request.year();
		var book = packs.book();
		// the draft stands in for every version of its scope, whatever its date: "what if it had applied"
		var whatIf = book.with(new PolicyPack(draft.id(), draft.scopeRegion(), draft.scopePath(), Integer.MAX_VALUE,
				LocalDate.MIN, null, draft.title(), draft.source(), draft.parameters()));
		var byRegion = new TreeMap<String, BigDecimal[]>();
		var byGroup = new TreeMap<String, BigDecimal[]>();
		var changes = new ArrayList<Change>();
		int[] counts = new int[5];
		Money[] totals = { Money.ZERO, Money.ZERO };
		jdbc.sql("""
				select id, certificate_id, certificate_number, occupation_code, grade, paying_path, paying_region,
				       beneficiary_masked, inputs::text
				from subsidy.decision
				where scheme = 'TRAINING' and year = :year and inputs is not null and outcome <> 'REVERSED'
				  and paying_path like :path || '%'
				order by id
				""").param("year", year).param("path", actor.scope().regionPath()).query(rs -> {
					var inputs = json.readValue(rs.getString(9), CaseInputs.class);
					var path = rs.getString(6);
					var now = amount(inputs, rs, book, path);
					var then = amount(inputs, rs, whatIf, path);
					counts[0]++;
					counts[1] += now.signum() > 0 ? 1 : 0;
					counts[2] += then.signum() > 0 ? 1 : 0;
					counts[3] += then.compareTo(now) > 0 ? 1 : 0;
					counts[4] += then.compareTo(now) < 0 ? 1 : 0;
					totals[0] = totals[0].plus(now);
					totals[1] = totals[1].plus(then);
					add(byRegion, rs.getString(7) == null ? "—" : rs.getString(7), now, then);
					for (var group : inputs.groups().isEmpty() ? List.of("none") : inputs.groups()) {
						add(byGroup, group, now, then);
					}
					if (now.compareTo(then) != 0) {
						changes.add(new Change(rs.getLong(1), rs.getString(8), rs.getString(3), rs.getString(7), now, then));
					}
				});
		changes.sort(Comparator.comparing((Change c) -> c.simulated().minus(c.current()).abs()).reversed());
		var byScheme = new ArrayList<Share>();
		byScheme.add(new Share("TRAINING", BankFile.SCHEMES.get("TRAINING"), counts[0], totals[0], totals[1]));
		var ofCity = regions.lookup(RegionCode.of(draft.scopeRegion())).map(r -> r.level() == RegionLevel.CITY)
				.orElse(false);
		var repriced = ofCity ? claims.reprice(narrower(draft.scopePath(), actor.scope().regionPath()), year, book, schemes(draft))
				: List.<Claims.Repriced>of();
		var schemeSums = new TreeMap<String, BigDecimal[]>();
		repriced.forEach(r -> add(schemeSums, r.scheme(), r.current(), r.simulated()));
		schemeSums.forEach((scheme, sums) -> byScheme.add(new Share(scheme, BankFile.SCHEMES.get(scheme),
				sums[0].intValue(), Money.of(sums[1]), Money.of(sums[2]))));
		var claimChanges = repriced.stream().filter(r -> r.current().compareTo(r.simulated()) != 0)
				.sorted(Comparator.comparing((Claims.Repriced r) -> r.simulated().minus(r.current()).abs()).reversed())
				.limit(20).map(r -> new ClaimChange(r.claimId(), r.scheme(), BankFile.SCHEMES.get(r.scheme()),
						r.claimant(), r.person(), r.current(), r.simulated()))
				.toList();
		audit.record(actor, "subsidy.simulate", "pack:" + draft.id(), AuditOutcome.SUCCESS, year + ": " + counts[0]
				+ " certificates, " + repriced.size() + " claims");
		var inForce = book.inForce(draft.scopePath(), LocalDate.of(year, 12, 31)).map(PolicyPack::label).orElse("—");
		return new Result(draft.label(), inForce, year, counts[0], totals[0], totals[1], totals[1].minus(totals[0]),
				counts[1], counts[2], counts[3], counts[4], shares(byRegion, this::regionName), byScheme,
				shares(byGroup, g -> g), changes.stream().limit(20).toList(), repriced.size(),
				repriced.stream().map(Claims.Repriced::current).reduce(Money.ZERO, Money::plus),
				repriced.stream().map(Claims.Repriced::simulated).reduce(Money.ZERO, Money::plus), claimChanges);
	}

	/** The enterprise schemes a draft names, none when it names none. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> schemes(PolicyPack draft) {
		var schemes = draft.parameters().get("schemes");
		return schemes instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

	/** Of the draft's city and the officer's region, the one inside the other (a county prices on its own claims). */
	private static String narrower(String a, String b) {
		return a.startsWith(b) ? a : b;
	}

	private static Money amount(CaseInputs inputs, ResultSet rs, PolicyPacks.Book book, String path)
			throws SQLException {
		var province = book.inForce("/330000/", inputs.issuedOn());
		if (province.isEmpty()) {
			return Money.ZERO;
		}
		var city = path == null ? Optional.<PolicyPack>empty() : book.cityInForce(path, inputs.issuedOn());
		var steps = TrainingSubsidyRules.decide(inputs.toCase(rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getString(5), province.get(), city));
		var last = steps.get(steps.size() - 1);
		return last.verdict() == Step.Verdict.PASS ? last.amount() : Money.ZERO;
	}

	private static void add(Map<String, BigDecimal[]> into, String key, Money now, Money then) {
		var sums = into.computeIfAbsent(key, k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
		sums[0] = sums[0].add(BigDecimal.ONE);
		sums[1] = sums[1].add(now.toBigDecimal());
		sums[2] = sums[2].add(then.toBigDecimal());
	}

	private static List<Share> shares(Map<String, BigDecimal[]> sums, Function<String, String> name) {
		return sums.entrySet().stream().map(e -> new Share(e.getKey(), name.apply(e.getKey()), e.getValue()[0].intValue(),
				Money.of(e.getValue()[1]), Money.of(e.getValue()[2]))).toList();
	}

	private String regionName(String code) {
		return code.equals("—") ? code : regions.lookup(RegionCode.of(code)).map(r -> r.name()).orElse(code);
	}
}
