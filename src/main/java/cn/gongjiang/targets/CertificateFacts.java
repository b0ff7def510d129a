package cn.gongjiang.targets;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.gongjiang.certification.Certificate;
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.certification.CertificatesIssued;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.certification.CertificateRevoked;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.SkillGrade;

/**
 * New skilled and new high-skilled talents (000 附件) from certificates: a person counts once, on the day of their
 * first valid qualification or skill-level certificate with a grade, and once more as high-skilled on the day of the
 * first at 高级工 or above. Every event recounts the holder from their certificates, so issuing, revoking and replaying
 * in any order end in the same numbers.
 */
@Component
class CertificateFacts {

	static final String NEW_SKILLED = "NEW_SKILLED";
	static final String NEW_HIGH_SKILLED = "NEW_HIGH_SKILLED";
	private static final Set<String> SKILL_TYPES = Set.of("vocational-qualification", "skill-level");
	private static final Set<SkillGrade> HIGH = Set.of(SkillGrade.SENIOR, SkillGrade.TECHNICIAN,
			SkillGrade.SENIOR_TECHNICIAN, SkillGrade.PRINCIPAL_TECHNICIAN, SkillGrade.CHIEF_TECHNICIAN);
	static final String UNPLACED = "/330000/";

	private final CertificateRegister certificates;
	private final Rollups rollups;
	private final PersonRegistry persons;

	CertificateFacts(CertificateRegister certificates, Rollups rollups, PersonRegistry persons) {
		this.certificates = certificates;
		this.rollups = rollups;
		this.persons = persons;
	}

	@ApplicationModuleListener
	void on(CertificateIssued issued) {
		recount(issued.holderIndex());
	}

	/** An imported chunk: each holder counted again, in one transaction for the chunk, with one look-up of each kind. */
	@ApplicationModuleListener
	void on(CertificatesIssued issued) {
		recount(issued.certificates().stream().map(CertificateIssued::holderIndex).distinct().toList());
	}

	@ApplicationModuleListener
	void on(CertificateRevoked revoked) {
		recount(revoked.holderIndex());
	}

	void recount(IdNumberIndex index) {
		recount(List.of(index));
	}

	private void recount(List<IdNumberIndex> holders) {
		var held = certificates.forHolderIndexes(holders);
		var regions = new HashMap<IdNumberIndex, String>();
		persons.identities(holders).forEach(p -> regions.put(p.idNumberIndex(), p.regionPath()));
		rollups.setAll(holders.stream().flatMap(holder -> changes(holder, held.getOrDefault(holder, List.of()),
				regions.getOrDefault(holder, UNPLACED)).stream()).toList());
	}

	private static List<Rollups.Change> changes(IdNumberIndex holder, List<Certificate> certificates, String region) {
		var held = certificates.stream()
				.filter(c -> c.status().equals("VALID") && SKILL_TYPES.contains(c.type()) && c.grade() != null
						&& SkillGrade.fromCode(c.grade()) != SkillGrade.APPRENTICE)
				.toList();
		Predicate<Certificate> high = c -> HIGH.contains(SkillGrade.fromCode(c.grade()));
		return List.of(new Rollups.Change(NEW_SKILLED, holder.hex(), first(held, c -> true, region)),
				new Rollups.Change(NEW_HIGH_SKILLED, holder.hex(), first(held, high, region)));
	}

	private static Optional<Contribution> first(List<Certificate> held, Predicate<Certificate> which,
			String region) {
		return held.stream().filter(which)
				.min(Comparator.comparing(Certificate::issuedOn).thenComparing(Certificate::id))
				.map(c -> Contribution.one(region, c.issuedOn(), "certificate:" + c.number()));
	}
}
