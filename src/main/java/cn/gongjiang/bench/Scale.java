package cn.gongjiang.bench;

import java.util.Locale;

/**
 * How much data a bench run (and the generator) makes. {@code small} is what CI runs to prove every scenario works;
 * {@code medium} is the run recorded in BENCHMARKS.md; {@code province} is Zhejiang's size (40 M persons, 3 M
 * certificates, 140 k technical-school registrations against 3 M roster entries).
 */
enum Scale {

	SMALL(20_000, 20_000, 2_000, 100_000, 5_000, 50_000, 20_000, 5_000, 10_000, 2_500),
	MEDIUM(1_000_000, 1_000_000, 20_000, 3_000_000, 140_000, 3_000_000, 1_000_000, 100_000, 200_000, 125_000),
	PROVINCE(40_000_000, 1_000_000, 20_000, 10_000_000, 140_000, 3_000_000, 3_000_000, 1_000_000, 200_000, 5_000_000);

	/** Persons imported from CSV; the xlsx heap scenario uses at most 1 M rows whatever the scale. */
	final int importRows;
	final int xlsxRows;
	final int verifyRequests;
	final int targetRecords;
	final int registrations;
	final int rosterEntries;
	final int certificates;
	/** Job seekers among the persons, and open job postings (REC-2). */
	final int seekers;
	final int openJobs;
	/** Trainees enrolled by file in the training scenario (one person in eight, as {@code generate} trains). */
	final int trainees;

	Scale(int importRows, int xlsxRows, int verifyRequests, int targetRecords, int registrations, int rosterEntries,
			int certificates, int seekers, int openJobs, int trainees) {
		this.trainees = trainees;
		this.seekers = seekers;
		this.openJobs = openJobs;
		this.importRows = importRows;
		this.xlsxRows = xlsxRows;
		this.verifyRequests = verifyRequests;
		this.targetRecords = targetRecords;
		this.registrations = registrations;
		this.rosterEntries = rosterEntries;
		this.certificates = certificates;
	}

	static Scale of(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}

	String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
