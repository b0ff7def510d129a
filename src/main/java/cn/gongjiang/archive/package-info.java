/**
 * The lifelong training archive (终身职业技能培训电子档案, REG-4): one timeline per person, every entry a sentence in
 * the reader's language. Owns schema {@code archive} ({@code archive.line}: the kind and the values of each line,
 * never prose); nothing else writes it, and it writes nothing else.
 * <p>
 * Fed by the events the other modules publish, through the JDBC event publication registry
 * ({@code @ApplicationModuleListener} in {@code ArchiveReports}): {@code training} (a trainee's steps, vouchers
 * issued and redeemed, grades an enterprise recognised), {@code subsidy} (outcomes, one event per chunk of the bulk
 * decision), {@code enrolment} (学籍 status changes), {@code recruitment} (applications, placements).
 * <p>
 * Composed when read ({@link cn.gongjiang.archive.PersonArchive}) with two things it does not store: the person's
 * registration and changes of employer and residence, which stay the registry's person history
 * ({@code registry.person_event}, written by set-based triggers on the person table so that the bulk person import
 * writes them in one statement per chunk; copying them here by event would cost that import a second write per
 * person), asked of {@code PersonRegistry.history}; and the certificates, asked of {@code CertificateRegister}.
 * Who may read an archive is the registry's answer for the person.
 * <p>
 * Lines written before this module existed (issue 17) came over once: registry's migration V16 moved them out of its
 * table into {@code registry.archive_handover}, this module's V1 copies that table if it is there (the one read of
 * another schema in any migration, named in {@code SchemaOwnershipTests}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "database", "region", "occupation",
		"registry", "certification", "training", "subsidy", "enrolment", "recruitment" })
package cn.gongjiang.archive;
