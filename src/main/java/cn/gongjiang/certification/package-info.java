/**
 * Certificates (CRT-1, CRT-2): the four types, issued by import, by authorised issuers through the API and (later) by
 * the training chain; revoked with a reason; verified by anyone by number and name. Owns schema
 * {@code certification}; publishes {@link cn.gongjiang.certification.CertificateIssued} and
 * {@link cn.gongjiang.certification.CertificateRevoked} through the event publication registry. Reads
 * {@code registry.person_identity} to check a holder's name against the person registry.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "privacy", "audit", "imports",
		"occupation" })
package cn.gongjiang.certification;
