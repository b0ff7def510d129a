package cn.gongjiang.archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.certification.Certificate;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.registry.PersonSummary;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;

/**
 * A person's lifelong training archive (REG-4): one timeline of their registry history (asked of the registry), the
 * lines other modules reported by their events (this module's table), their certificates (asked of certification)
 * and a skill grade change wherever a certificate raised their grade, every entry a sentence (ArchiveSentences).
 * Visible to the person and to officers of their region: the registry decides, as it does for the person.
 */
@Service
public class PersonArchive {

	public record Archive(PersonSummary person, SkillGrade currentGrade, List<ArchiveEntry> timeline) {
	}

	private final PersonRegistry persons;
	private final ArchiveLines lines;
	private final CertificateRegister certificates;
	private final ArchiveSentences sentences;

	PersonArchive(PersonRegistry persons, ArchiveLines lines, CertificateRegister certificates,
			ArchiveSentences sentences) {
		this.persons = persons;
		this.lines = lines;
		this.certificates = certificates;
		this.sentences = sentences;
	}

	/** The archive in Chinese. */
	@Transactional(readOnly = true)
	public Archive of(Actor actor, PersonId personId) {
		return of(actor, personId, Locale.SIMPLIFIED_CHINESE);
	}

	/** The archive, newest first, every entry one sentence in the reader's language. */
	@Transactional(readOnly = true)
	public Archive of(Actor actor, PersonId personId, Locale locale) {
		var history = persons.history(actor, personId);
		var timeline = new ArrayList<ArchiveEntry>();
		for (var change : history.changes()) {
			timeline.add(sentences.render(change.on(), change.kind(), change.detail(), locale));
		}
		for (var line : lines.of(personId)) {
			timeline.add(sentences.render(line.on(), line.kind(), line.detail(), locale));
		}
		SkillGrade grade = null;
		for (var certificate : certificates.forHolderIndex(history.idNumberIndex())) {
			timeline.add(sentences.certificate(certificate, locale));
			var certified = graded(certificate);
			if (certified != null && (grade == null || certified.compareTo(grade) > 0)) {
				timeline.add(sentences.raised(certificate.issuedOn(), grade, certified, locale));
				grade = certified;
			}
		}
		// stable: on one day, the registry's changes, then reported lines in the order they came, then certificates
		timeline.sort(Comparator.comparing(ArchiveEntry::on).reversed());
		return new Archive(history.person(), grade, timeline);
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
