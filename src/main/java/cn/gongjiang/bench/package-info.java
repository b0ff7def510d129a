/**
 * The {@code bench} command: measures the product's hot paths against a baseline in the same run and on the same
 * machine, and reports ratios (absolute times drift from run to run). Owns no schema beyond throwaway tables it drops.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "imports", "registry", "privacy",
		"region", "database", "certification", "targets", "enrolment", "subsidy", "occupation", "training",
		"recruitment", "analytics" })
package cn.gongjiang.bench;
