package cn.gongjiang.analytics.wage;

import java.nio.ByteBuffer;
import java.util.Collection;

import com.tdunning.math.stats.MergingDigest;

/**
 * The quantile sketch kept per wage cell (ADR 0010): a t-digest of compression {@value #COMPRESSION}, whose error
 * is smallest in the tails and, for wage distributions, well under 1 % of the value at the quartiles. Cells merge,
 * so a city's quartiles come from its counties' sketches without reading a single wage.
 */
public final class WageSketch {

	static final double COMPRESSION = 200;

	private final MergingDigest digest;

	private WageSketch(MergingDigest digest) {
		this.digest = digest;
	}

	public static WageSketch empty() {
		return new WageSketch(new MergingDigest(COMPRESSION));
	}

	public static WageSketch of(double... wages) {
		var sketch = empty();
		for (var wage : wages) {
			sketch.add(wage);
		}
		return sketch;
	}

	public static WageSketch fromBytes(byte[] bytes) {
		return new WageSketch(MergingDigest.fromBytes(ByteBuffer.wrap(bytes)));
	}

	public static WageSketch merge(Collection<WageSketch> sketches) {
		var merged = empty();
		for (var s : sketches) {
			merged.digest.add(s.digest);
		}
		return merged;
	}

	public void add(double wage) {
		digest.add(wage);
	}

	public long size() {
		return digest.size();
	}

	public double quantile(double q) {
		return digest.quantile(q);
	}

	public byte[] bytes() {
		digest.compress();
		var buffer = ByteBuffer.allocate(digest.smallByteSize());
		digest.asSmallBytes(buffer);
		return buffer.array();
	}
}
