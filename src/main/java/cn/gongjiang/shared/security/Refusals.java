package cn.gongjiang.shared.security;

import java.util.function.Consumer;

/**
 * Where a refusal is written down. {@code shared} cannot know the audit log (the audit module depends on it), so the
 * audit module hands its recorder in at start; before that (and in plain unit tests) a refusal is only thrown.
 */
public final class Refusals {

	private static volatile Consumer<Refusal> recorder;

	private Refusals() {
	}

	/** Called once by the audit module. */
	public static void recordWith(Consumer<Refusal> auditLog) {
		recorder = auditLog;
	}

	static Refusal recorded(Refusal refusal) {
		var record = recorder;
		if (record != null && refusal.action() != null) {
			record.accept(refusal);
			refusal.markAudited();
		}
		return refusal;
	}
}
