/**
 * The registries (REG-1..3): persons (one real-name record per ID number, whatever the channel), enterprises and
 * training providers, each visible to the officers of its region and to itself. Owns schema {@code registry}; other
 * modules ask it through its services (a keyed ID number's identity, one or many at once:
 * {@code PersonRegistry.identity/identities}; a provider: {@code OrganisationRegistry.provider}), never its tables.
 * The views {@code person_identity} and {@code provider_identity} stay only because an applied subsidy migration
 * (V8) reads the first. ID and mobile numbers are sealed by {@code privacy}; every full-number read is audited.
 * <p>
 * A person's own history (registered, a new employer, a new residence) is recorded here, in
 * {@code registry.person_event}, by set-based triggers on the person table, so that the bulk import writes it in one
 * statement per chunk; the lifelong archive (module {@code archive}) reads it through
 * {@code PersonRegistry.history}. {@code registry.archive_handover} holds the other modules' lines this table held
 * before the archive was a module (V16), which the archive's V1 copied; a later migration may drop it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "privacy", "audit",
		"catalogue", "occupation", "imports", "database" })
package cn.gongjiang.registry;
