package cn.gongjiang.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A subsidy decision as officers and the beneficiary see it: outcome, amount, the pack versions, every step. */
public record Decision(long id, String scheme, String certificateNumber, String beneficiary, String occupationCode,
		String grade, int year, String payingRegion, String outcome, String code, BigDecimal amount,
		String policyVersions, List<Step> steps, Instant decidedAt) {
}
