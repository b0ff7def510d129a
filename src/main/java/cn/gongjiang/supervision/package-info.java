/**
 * Supervision of training (SUP-1..4): star ratings of private providers from yearly evaluations, suspension and exit,
 * "double random, one public" inspections drawn reproducibly from a recorded seed and published, the anomaly signals,
 * and the yearly export for the third-party audit. Owns schema {@code supervision}. Reads training's signals
 * ({@code TrainingSignals}) and subsidy's claims over caps ({@code ClaimSignals}) through their public services.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry", "audit",
		"training", "subsidy" })
package cn.gongjiang.supervision;
