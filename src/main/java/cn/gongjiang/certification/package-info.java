/**
 * Certificates (CRT-1, CRT-2): the four types, issued by import, by authorised issuers through the API and (later) by
 * the training chain; revoked with a reason; verified by anyone by number and name. Owns schema
 * {@code certification}; publishes {@link cn.gongjiang.certification.CertificateIssued} (an imported file's as
 * {@link cn.gongjiang.certification.CertificatesIssued}, a chunk at a time) and
 * {@link cn.gongjiang.certification.CertificateRevoked} through the event publication registry. Asks the
 * registry (its services, never its tables) who a holder is and where they are placed, in bulk for an import's
 * checks, and which provider an evaluation body is.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "privacy", "audit", "imports",
		"occupation", "registry" })
package cn.gongjiang.certification;
