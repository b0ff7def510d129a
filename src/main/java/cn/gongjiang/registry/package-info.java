/**
 * The registries (REG-1..3): persons (one real-name record per ID number, whatever the channel), enterprises and
 * training providers, each visible to the officers of its region and to itself. Owns schema {@code registry} and
 * publishes the view {@code registry.person_identity} for identity checks by other modules. ID and mobile numbers are
 * sealed by {@code privacy}; every full-number read is audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "privacy", "audit",
		"catalogue", "occupation", "imports", "certification", "database" })
package cn.gongjiang.registry;
