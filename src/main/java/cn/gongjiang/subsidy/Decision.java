package cn.gongjiang.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subsidy decision as officers and the beneficiary see it: what the rules said (outcome, code, amount, every step
 * with its clause, the pack versions) and what is in effect (an officer's override while it holds), and where its
 * payment stands.
 */
public record Decision(long id, String scheme, String certificateNumber, String beneficiary, String occupationCode,
		String grade, int year, String period, String payingRegion, String fundingSource, String outcome, String code,
		BigDecimal amount, String policyVersions, List<Step> steps, Instant decidedAt, Override override,
		String effectiveOutcome, BigDecimal effectiveAmount, String payment, String paymentFailure, boolean recoveryDue,
		Long claimId) {

	/** An officer's override in effect: always with a reason and an expiry. */
	public record Override(long id, String reason, LocalDate expiresOn, String by) {
	}
}
