package cn.gongjiang.subsidy.claims;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.gongjiang.shared.Money;

import cn.gongjiang.subsidy.decisions.Step;

/** An organisation's claim under an enterprise scheme (SUB-4), its evidence, where it stands and the steps judged. */
public record Claim(long id, String scheme, String schemeName, String claimantCode, String claimantName,
		String person, String period, Map<String, String> evidence, Money amount, ClaimStatus status, String reason,
		String submittedBy, Instant submittedAt, String reviewedBy, String decidedBy, List<Step> steps) {
}
