package cn.gongjiang.audit;

/** The result of walking the hash chain: how many rows were checked and the first one that does not fit. */
public record ChainVerification(long checkedRows, Long firstBrokenId, String problem) {

	public boolean intact() {
		return firstBrokenId == null;
	}
}
