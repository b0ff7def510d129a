/**
 * Subsidies (SUB-1..5): policy packs as versioned data; the training subsidy decided when a certificate is issued,
 * with no application, each step recorded with its clause and its inputs frozen, never paid twice, committed against
 * the paying region's budget; enterprise claims through review; payment batches to the bank and back; what-ifs.
 * Owns schema {@code subsidy}. Listens to {@link cn.gongjiang.certification.CertificateIssued} and
 * {@link cn.gongjiang.certification.CertificateRevoked}. Reads recorded hires (recruitment) for the schemes that pay per hire.
 * Publishes {@link cn.gongjiang.subsidy.ClaimSignals} (claims over caps, for supervision).
 * <p>
 * This package holds what other modules use; the rest is internal, by what it does: {@code decisions} (the rules,
 * the decider, the one writer of {@code subsidy.decision}, budgets), {@code claims} (enterprise schemes, claims,
 * allowances, evidence files), {@code payments} (batches, the bank file, statements, accounts), {@code packs} (what-ifs).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry", "audit",
		"imports", "privacy", "certification", "training", "recruitment", "database", "occupation" })
package cn.gongjiang.subsidy;
