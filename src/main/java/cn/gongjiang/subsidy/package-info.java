/**
 * Subsidies (SUB-1..3): policy packs as versioned data, training-subsidy decisions made when a certificate is issued,
 * with no application, each step recorded with its clause, never paid twice, committed against the paying region's
 * budget. Owns schema {@code subsidy}. Listens to {@link cn.gongjiang.certification.CertificateIssued}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry", "audit",
		"certification", "training" })
package cn.gongjiang.subsidy;
