/**
 * Subsidies (SUB-1..5): policy packs as versioned data; the training subsidy decided when a certificate is issued,
 * with no application, each step recorded with its clause and its inputs frozen, never paid twice, committed against
 * the paying region's budget; enterprise claims through review; payment batches to the bank and back; what-ifs.
 * Owns schema {@code subsidy}. Listens to {@link cn.gongjiang.certification.CertificateIssued} and
 * {@link cn.gongjiang.certification.CertificateRevoked}. Reads recorded hires (recruitment) for the schemes that pay per hire.
 * Publishes {@link cn.gongjiang.subsidy.ClaimSignals} (claims over caps, for supervision) and keeps claims' evidence
 * files ({@link cn.gongjiang.subsidy.ClaimDocuments}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry", "audit",
		"imports", "privacy", "certification", "training", "recruitment", "database", "occupation" })
package cn.gongjiang.subsidy;
