/**
 * Skilled-talent analysis (技能人才分析, ANA-1..4; policy 000 三(三), 003 §18, 001 (二)): skilled and high-skilled
 * shares of the employed, wages by grade with the middle-income band, talent profiles of persons, regions and
 * industries, and the 30-minute training circle. Owns schema {@code analytics}: what officers enter or import there
 * (employment statistics, wages, the band, training sites, township points, travel parameters, timed trips) and the
 * analytics tables, rebuilt from the streams the other modules publish ({@code PersonFacts}, {@code HeldCertificates},
 * {@code TrainingRecords}, {@code OfferedWages}). Publishes {@link cn.gongjiang.analytics.SkilledTalents#countAsOf}
 * for targets' computed indicators; listens to nothing (a nightly rebuild reads everything again).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry",
		"certification", "training", "recruitment", "imports", "audit", "catalogue", "occupation", "privacy", "archive" })
package cn.gongjiang.analytics;
