package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.gongjiang.shared.RegionPath;

/**
 * What one platform record adds to a fact: at a region (its full path, {@code /330000/} when it cannot be placed
 * lower), on a day, with the record that made it count.
 */
public record Contribution(String regionPath, LocalDate occurredOn, BigDecimal amount, String evidence) {

	public static Contribution one(String regionPath, LocalDate occurredOn, String evidence) {
		return new Contribution(regionPath, occurredOn, BigDecimal.ONE, evidence);
	}

	/** The region codes the contribution counts at: each level of its path. */
	String[] regionCodes() {
		return RegionPath.of(regionPath).codes().toArray(String[]::new);
	}
}
