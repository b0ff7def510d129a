package cn.gongjiang.audit;

import java.time.Instant;

/**
 * The result of walking the hash chain: how many rows were checked, the first one that does not fit (and why), where
 * the kept log begins (its first row and that row's predecessor, when older rows were deleted after the retention
 * period), and how many checkpoints outside the database were compared.
 */
public record ChainVerification(long checkedRows, Long firstBrokenId, String problem, Start start, int checkpoints) {

	/** The oldest kept row; {@code previousHash} is null when the log is whole from its very first row. */
	public record Start(long id, Instant occurredAt, String previousHash) {
	}

	record Break(long id, String problem) {
	}

	public boolean intact() {
		return firstBrokenId == null;
	}
}
