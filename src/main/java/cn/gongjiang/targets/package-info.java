/**
 * Targets and three-level monitoring (TGT-1..5): every target the policies set, loaded as data with its source; the
 * actuals, from the platform's own records where it holds them (module events feed {@link cn.gongjiang.targets.Rollups})
 * and from returns where it does not; progress against the elapsed time (序时进度); milestones; quarterly city reports.
 * Owns schema {@code targets}. Asks the registry where a certificate holder is placed, and {@code analytics} the
 * stock of skilled talents on a day. Returns also come by file (import kind
 * {@code target-returns}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "audit", "certification",
		"registry", "enrolment", "training", "recruitment", "analytics", "imports" })
package cn.gongjiang.targets;
