/**
 * The demo data set: persons, enterprises, providers and certificates in every city, made through the modules' own
 * services on the first start of an empty database in demo mode, never by migration and never in production.
 * Owns no schema; depends on the modules whose data it makes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry",
		"certification", "identity", "enrolment", "targets", "training", "subsidy", "supervision", "recruitment",
		"privacy", "analytics" })
package cn.gongjiang.demo;
