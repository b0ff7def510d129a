package cn.gongjiang.bench;

import java.util.Arrays;

/** How long a call takes in the benches that time one call at a time. */
final class Latency {

	private Latency() {
	}

	/** The 95th percentile of {@code runs} calls, in milliseconds, after {@code warmUps} calls not counted. */
	static double p95(int warmUps, int runs, Runnable call) {
		for (int i = 0; i < warmUps; i++) {
			call.run();
		}
		var times = new double[runs];
		for (int i = 0; i < runs; i++) {
			var start = System.nanoTime();
			call.run();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[(int) Math.ceil(0.95 * runs) - 1];
	}
}
