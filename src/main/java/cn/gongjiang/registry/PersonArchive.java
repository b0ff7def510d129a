package cn.gongjiang.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
 * grade change wherever a certificate raised their grade, every entry a sentence (ArchiveSentences). Visible to the
 * person and to officers of their region.
 */
@Service
public class PersonArchive {

	public record Archive(PersonSummary person, SkillGrade currentGrade, List<ArchiveEntry> timeline) {
	}

	private final Persons persons;
	private final CertificateRegister certificates;
	private final ArchiveSentences sentences;

	PersonArchive(Persons persons, CertificateRegister certificates, ArchiveSentences sentences) {
		this.persons = persons;
		this.certificates = certificates;
		this.sentences = sentences;
	}

	/** The archive in Chinese. */
	@Transactional(readOnly = true)
	public Archive of(Actor actor, long personId) {
		return of(actor, personId, Locale.SIMPLIFIED_CHINESE);
	}

	/** The archive, newest first, every entry one sentence in the reader's language. */
	@Transactional(readOnly = true)
	public Archive of(Actor actor, long personId, Locale locale) {
		var person = persons.find(personId, actor.scope()).map(Persons.Row::summary)
				.orElseThrow(() -> new NotFoundException("person.not-found"));
		var timeline = new ArrayList<ArchiveEntry>();
		for (var event : persons.history(personId)) {
			timeline.add(sentences.render(event.on(), event.kind(), event.detail(), locale));
		}
		SkillGrade grade = null;
		var held = certificates.forHolderIndex(persons.idNumberIndex(personId));
		for (var certificate : held) {
			timeline.add(sentences.certificate(certificate, locale));
			var certified = graded(certificate);
			if (certified != null && (grade == null || certified.compareTo(grade) > 0)) {
				timeline.add(sentences.raised(certificate.issuedOn(), grade, certified, locale));
				grade = certified;
			}
		}
		timeline.sort(Comparator.comparing(ArchiveEntry::on).reversed());
		return new Archive(person, grade, timeline);
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
