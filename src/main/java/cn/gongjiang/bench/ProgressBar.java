package cn.gongjiang.bench;

/** A one-line progress bar on the terminal, redrawn at most five times a second. */
final class ProgressBar {

	private final String label;
	private final long total;
	private long drawnAt;

	/** A bar that draws nothing (tests, and loads nobody watches). */
	static ProgressBar silent() {
		return new ProgressBar(null, 1);
	}

	ProgressBar(String label, long total) {
		this.label = label;
		this.total = Math.max(1, total);
	}

	void show(long done) {
		if (label == null) {
			return;
		}
		var now = System.nanoTime();
		if (done < total && now - drawnAt < 200_000_000L) {
			return;
		}
		drawnAt = now;
		var width = 30;
		var filled = (int) (width * Math.min(done, total) / total);
		System.out.printf("\r%-28s [%s%s] %3d%% %,d/%,d", label, "#".repeat(filled), ".".repeat(width - filled),
				100 * Math.min(done, total) / total, done, total);
		if (done >= total) {
			System.out.println();
		}
		System.out.flush();
	}
}
