package cn.gongjiang.subsidy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.subsidy.claims.EnterpriseSchemes;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Claims over caps" (SUP-3, issue 16), for supervision to show with its other signals: a person or organisation
 * whose claims under a scheme went past its cap or into a period already held. Two kinds: submissions the cap
 * refused ({@code CLAIM_OVER_CAP_ATTEMPTS}, one signal per scheme, claimant and person, open again at the next
 * attempt), and granted claims that together exceed the cap in force ({@code CLAIMS_OVER_CAP}: more years or months
 * than the scheme pays, or a period paid more than its cap), which only a race between two approvals or a pack
 * lowered after the grant leaves behind. A signal is something to look at, never a finding.
 */
@Service
public class ClaimSignals {

	public static final List<String> KINDS = List.of("CLAIM_OVER_CAP_ATTEMPTS", "CLAIMS_OVER_CAP");

	private static final TypeReference<List<Object>> ARGUMENTS = new TypeReference<>() {
	};

	/**
	 * One signal: its kind, the key its review is kept under, the scheme, the claimant(s) by name, the person masked
	 * (null for what an organisation claims for itself), the claims behind it (none for refused attempts: they were
	 * not stored), the cap and what was claimed against it in {@code unit} (YUAN, YEARS, MONTHS, DAYS, or PERIOD:
	 * once per period, claimed again), what it says as a message code with arguments, and when it was last seen.
	 */
	public record Signal(String kind, String key, String scheme, String claimantName, String person, List<Long> claims,
			BigDecimal cap, BigDecimal claimed, String unit, String code, List<Object> arguments, Instant seenAt) {
	}

	private final JdbcClient jdbc;
	private final PolicyPacks packs;
	private final JsonMapper json;
	private final Clock clock;

	ClaimSignals(JdbcClient jdbc, PolicyPacks packs, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.packs = packs;
		this.json = json;
		this.clock = clock;
	}

	/** The signals of claimants in the officer's region, newest first. */
	@Transactional(readOnly = true)
	public List<Signal> signals(Actor actor) {
		actor.requireRegionalOfficer();
		var path = actor.scope().regionPath();
		var signals = new ArrayList<Signal>();
		signals.addAll(refusedAttempts(path));
		signals.addAll(grantedOverCap(path));
		signals.sort(Comparator.comparing(Signal::seenAt).reversed());
		return signals;
	}

	private List<Signal> refusedAttempts(String path) {
		return jdbc.sql("""
				select scheme, claimant_code, max(claimant_name) as claimant_name, person_id,
				       max(person_masked) as person_masked, count(*) as attempts, max(refused_at) as seen,
				       (array_agg(reason order by refused_at desc, id desc))[1] as reason,
				       (array_agg(arguments::text order by refused_at desc, id desc))[1] as arguments
				from subsidy.claim_refusal where claimant_path like :path || '%'
				group by scheme, claimant_code, person_id
				""").param("path", path).query((rs, i) -> {
					var personId = (Long) rs.getObject("person_id");
					var reason = rs.getString("reason");
					var arguments = json.readValue(rs.getString("arguments"), ARGUMENTS);
					var measured = measured(reason, arguments);
					return new Signal("CLAIM_OVER_CAP_ATTEMPTS",
							"CLAIM_OVER_CAP_ATTEMPTS:" + rs.getString("scheme") + ":" + rs.getString("claimant_code") + ":"
									+ (personId == null ? "org" : "person:" + personId),
							rs.getString("scheme"), rs.getString("claimant_name"), rs.getString("person_masked"), List.of(),
							measured.cap(), measured.claimed(), measured.unit(), "subsidy.signal.over-cap-attempts",
							List.of(rs.getInt("attempts"),
									new DefaultMessageSourceResolvable(new String[] { reason }, arguments.toArray(), reason)),
							rs.getTimestamp("seen").toInstant());
				}).list();
	}

	private record Measured(BigDecimal cap, BigDecimal claimed, String unit) {
	}

	/** The cap and what was claimed, read from the refusing step's sentence and its arguments (EnterpriseSchemes). */
	private static Measured measured(String reason, List<Object> a) {
		return switch (reason) {
			case "subsidy.step.claim.amount-over-cap" -> new Measured(decimal(a, 1), decimal(a, 0), "YUAN");
			case "subsidy.step.claim.years-over-cap" -> new Measured(decimal(a, 1), add(decimal(a, 0), BigDecimal.ONE), "YEARS");
			case "subsidy.step.claim.months-over-cap" -> new Measured(decimal(a, 2), add(decimal(a, 0), decimal(a, 1)), "MONTHS");
			case "subsidy.step.claim.days-over-cap" -> new Measured(decimal(a, 1), decimal(a, 0), "DAYS");
			default -> new Measured(BigDecimal.ONE, BigDecimal.valueOf(2), "PERIOD");
		};
	}

	private static BigDecimal decimal(List<Object> arguments, int i) {
		return i < arguments.size() && arguments.get(i) instanceof Number n ? new BigDecimal(n.toString()) : null;
	}

	private static BigDecimal add(BigDecimal a, BigDecimal b) {
		return a == null || b == null ? null : a.add(b);
	}

	/**
	 * Per scheme and person (or claimant, for what it is paid once itself): the periods granted (a monthly
	 * allowance's months still to come on a running schedule included, as they are promised) and the most one period
	 * got, from claims anywhere, when any of them is a claimant in the region. Read against the caps of the pack in
	 * force today for the city of the claimant.
	 */
	private List<Signal> grantedOverCap(String path) {
		var found = new ArrayList<Signal>();
		var book = packs.book();
		var today = LocalDate.now(clock);
		jdbc.sql("""
				with entitlement as (
				    select c.id as claim_id, c.scheme, c.claimant_name, c.claimant_path, c.person_masked, c.decided_at,
				           coalesce('person:' || c.person_id, 'org:' || c.claimant_code) as who, d.period,
				           d.effective_amount as amount
				    from subsidy.decision_in_effect d join subsidy.claim c on c.id = d.claim_id
				    where d.claim_id is not null and d.effective_outcome = 'GRANTED'
				    union all
				    select c.id, c.scheme, c.claimant_name, c.claimant_path, c.person_masked, c.decided_at,
				           coalesce('person:' || c.person_id, 'org:' || c.claimant_code), to_char(m, 'YYYY-MM'),
				           s.monthly_amount
				    from subsidy.allowance_schedule s join subsidy.claim c on c.id = s.claim_id
				    cross join lateral generate_series(s.first_month, s.first_month + make_interval(months => s.months - 1),
				                                       interval '1 month') m
				    where s.ended_on is null and m > coalesce(s.accrued_through, s.first_month - 1)
				),
				mine as (select distinct scheme, who from entitlement where claimant_path like :path || '%'),
				per_period as (
				    select scheme, who, period, sum(amount) as amount from entitlement group by scheme, who, period
				)
				select e.scheme, e.who, array_agg(distinct e.claim_id order by e.claim_id) as claims,
				       string_agg(distinct e.claimant_name, '、') as claimants, min(e.claimant_path) as path,
				       max(e.person_masked) as person, count(distinct e.period) as periods, min(e.period) as first_period,
				       max(e.period) as last_period, max(e.decided_at) as seen,
				       (select p.period || ' ' || p.amount from per_period p where p.scheme = e.scheme and p.who = e.who
				        order by p.amount desc, p.period limit 1) as top
				from entitlement e join mine using (scheme, who)
				group by e.scheme, e.who
				""").param("path", path).query((rs, i) -> {
					var scheme = rs.getString("scheme");
					var pack = book.cityInForce(rs.getString("path"), today);
					if (pack.isEmpty() || !(pack.get().parameters().get("schemes") instanceof Map<?, ?> schemes)
							|| !(schemes.get(scheme) instanceof Map<?, ?> parameters)) {
						return null;
					}
					@SuppressWarnings("unchecked")
					var caps = EnterpriseSchemes.caps(scheme, (Map<String, Object>) parameters);
					var claims = Arrays.asList((Long[]) rs.getArray("claims").getArray());
					var periods = rs.getInt("periods");
					var key = "CLAIMS_OVER_CAP:" + scheme + ":" + rs.getString("who");
					var seen = rs.getTimestamp("seen") == null ? Instant.now(clock) : rs.getTimestamp("seen").toInstant();
					var monthly = scheme.equals("TECHNICIAN_ALLOWANCE");
					if (caps.periods() != null && periods > caps.periods()) {
						found.add(new Signal("CLAIMS_OVER_CAP", key, scheme, rs.getString("claimants"), rs.getString("person"),
								claims, BigDecimal.valueOf(caps.periods()), BigDecimal.valueOf(periods),
								monthly ? "MONTHS" : "YEARS",
								monthly ? "subsidy.signal.months-over-cap" : "subsidy.signal.years-over-cap",
								List.of(claims.size(), periods, rs.getString("first_period"), rs.getString("last_period"),
										caps.periods()),
								seen));
						return null;
					}
					var top = rs.getString("top").split(" ");
					var amount = new BigDecimal(top[1]);
					if (caps.perPeriod() != null && amount.compareTo(caps.perPeriod().json()) > 0) {
						Object period = top[0].equals("once")
								? new DefaultMessageSourceResolvable(new String[] { "subsidy.period.once" }, null, "once")
								: top[0];
						found.add(new Signal("CLAIMS_OVER_CAP", key, scheme, rs.getString("claimants"), rs.getString("person"),
								claims, caps.perPeriod().json(), amount, "YUAN", "subsidy.signal.amount-over-cap",
								List.of(claims.size(), period, amount, caps.perPeriod().json()), seen));
					}
					return null;
				}).list();
		return found;
	}
}
