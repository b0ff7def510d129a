package cn.gongjiang.subsidy.claims;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.subsidy.decisions.Beneficiaries;
import cn.gongjiang.subsidy.decisions.Step;

import tools.jackson.databind.json.JsonMapper;

/**
 * Submissions a scheme's cap or period refused (SUP-3), kept in their own transaction: the refusal rolls the claim
 * back, and the attempt must outlive it for the officers' signal. Other refusals (a missing field, a wrong name) are
 * mistakes, not claims past a cap; the audit log has them.
 */
@Component
class ClaimRefusals {

	/** The rule codes a cap or a period refuses with. */
	static final Set<String> OVER_CAP = Set.of("subsidy.claim.over-cap", "subsidy.claim.period-held");

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ClaimRefusals(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Keeps the attempt when its refusal is a cap's or a period's; an amount that is no amount is a typing slip. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(ClaimCase c, Step refusal, String user) {
		if (!OVER_CAP.contains(refusal.code()) || "subsidy.step.claim.amount-invalid".equals(refusal.reason())) {
			return;
		}
		var person = c.person();
		jdbc.sql("""
				insert into subsidy.claim_refusal (scheme, claimant_code, claimant_name, claimant_path, person_id,
				    person_masked, code, reason, arguments, clause, refused_by)
				values (:scheme, :code, :name, :path, :person, :masked, :rule, :reason, cast(:arguments as jsonb), :clause,
				    :user)
				""").param("scheme", c.scheme()).param("code", c.claimant().code()).param("name", c.claimant().name())
				.param("path", c.claimant().path()).param("person", person.map(p -> p.personId()).orElse(null))
				.param("masked", person.map(p -> Beneficiaries.mask(p.name(), p.idNumberMasked())).orElse(null))
				.param("rule", refusal.code()).param("reason", refusal.reason())
				.param("arguments", json.writeValueAsString(refusal.arguments())).param("clause", refusal.clause())
				.param("user", user).update();
	}
}
