package cn.gongjiang.imports;

/** What merging a chunk of staged rows did: created or changed records, and rows that changed nothing. */
public record MergeCounts(int accepted, int unchanged) {

	public MergeCounts plus(MergeCounts other) {
		return new MergeCounts(accepted + other.accepted, unchanged + other.unchanged);
	}
}
