/**
 * The audit log (X-2, MLPS level 3): logins, every change and every read of unmasked personal data, append-only and
 * hash-chained so that tampering is detectable; readable by the auditor alone. Owns schema {@code audit}.
 * Every module calls {@link cn.gongjiang.audit.AuditLog} directly, so the log does not depend on an event arriving.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "privacy" })
package cn.gongjiang.audit;
