package cn.gongjiang.registry;

import java.util.List;

/**
 * Enterprises were registered or merged (one API call, or one batch of an import): their state now, for whoever
 * counts them (targets: skill-based enterprises, TGT-2). Receivers must be idempotent; a batch may repeat.
 */
public record EnterprisesChanged(List<State> enterprises) {

	public record State(String creditCode, String regionPath, String skillBasedStatus, Integer skillBasedYear,
			boolean keyEnterprise) {
	}
}
