package cn.gongjiang.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.certification.Certificate;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;

/**
 * A person's lifelong training archive (REG-4): one timeline of their registry history and certificates, a skill
 * grade change wherever a certificate raised their grade. Visible to the person and to officers of their region.
 */
@Service
public class PersonArchive {

	public record Archive(PersonSummary person, SkillGrade currentGrade, List<ArchiveEntry> timeline) {
	}

	private final Persons persons;
	private final CertificateRegister certificates;

	PersonArchive(Persons persons, CertificateRegister certificates) {
		this.persons = persons;
		this.certificates = certificates;
	}

	@Transactional(readOnly = true)
	public Archive of(Actor actor, long personId) {
		var person = persons.find(personId, actor.scope()).map(Persons.Row::summary)
				.orElseThrow(() -> new NotFoundException("person.not-found"));
		var timeline = new ArrayList<>(persons.history(personId));
		SkillGrade grade = null;
		var held = certificates.forHolderIndex(persons.idNumberIndex(personId));
		for (var certificate : held) {
			timeline.add(entry(certificate));
			var certified = graded(certificate);
			if (certified != null && (grade == null || certified.compareTo(grade) > 0)) {
				timeline.add(new ArchiveEntry(certificate.issuedOn(), "GRADE", certified.nameZh(),
						grade == null ? null : grade.nameZh() + " → " + certified.nameZh()));
				grade = certified;
			}
		}
		timeline.sort(Comparator.comparing(ArchiveEntry::on).reversed());
		return new Archive(person, grade, timeline);
	}

	private static ArchiveEntry entry(Certificate c) {
		var title = CertificateType.fromCode(c.type()).nameZh() + " " + c.number();
		var detail = String.join(" · ", List.of(c.occupationCode() == null ? "" : c.occupationCode(),
				c.grade() == null ? "" : SkillGrade.fromCode(c.grade()).nationalLabelZh(), c.issuer(),
				c.status().equals("REVOKED") ? "已撤销：" + c.revokedReason() : "")).replaceAll("( · )+$", "")
				.replaceAll("^( · )+", "");
		return new ArchiveEntry(c.issuedOn(), "CERTIFICATE", title, detail);
	}

	/** The grade a valid qualification or skill-level certificate attests, if any. */
	private static SkillGrade graded(Certificate c) {
		if (c.grade() == null || !c.status().equals("VALID")) {
			return null;
		}
		var type = CertificateType.fromCode(c.type());
		return type == CertificateType.SKILL_LEVEL || type == CertificateType.VOCATIONAL_QUALIFICATION
				? SkillGrade.fromCode(c.grade()) : null;
	}
}
