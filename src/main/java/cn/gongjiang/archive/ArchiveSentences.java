package cn.gongjiang.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.certification.Certificate;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.Enterprise;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.Provider;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.web.Formats;

/**
 * A lifelong archive entry as one sentence a worker reads (REG-4, X-4): "2026-06-20 培训补贴未发放：平台没有该证书对应
 * 的已结业培训记录". Entries are stored as codes and values (the kind and a small JSON document); the words are chosen
 * here, per locale, with codes turned into names (regions, occupations, grades, organisations), so the same archive
 * reads in Chinese and in English and never shows its storage.
 */
@Component
class ArchiveSentences {

	private final MessageSource messages;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final OrganisationRegistry organisations;

	ArchiveSentences(MessageSource messages, RegionDirectory regions, OccupationCatalogue occupations,
			OrganisationRegistry organisations) {
		this.messages = messages;
		this.regions = regions;
		this.occupations = occupations;
		this.organisations = organisations;
	}

	/** The title and sentence of a stored entry of {@code kind} with its {@code detail}. */
	ArchiveEntry render(LocalDate on, String kind, Map<String, Object> detail, Locale locale) {
		var reader = new Reader(detail, locale);
		return switch (kind) {
			case "REGISTERED" -> new ArchiveEntry(on, kind, word("archive.kind.REGISTERED", locale),
					reader.employer("employer") == null
							? say(locale, "archive.registered", reader.place("residenceRegion"))
							: say(locale, "archive.registered.employed", reader.place("residenceRegion"),
									reader.employer("employer")));
			case "EMPLOYER" -> new ArchiveEntry(on, kind, word("archive.kind.EMPLOYER", locale),
					say(locale, "archive.employer", reader.orNone(reader.employer("from")),
							reader.orNone(reader.employer("to"))));
			case "RESIDENCE" -> new ArchiveEntry(on, kind, word("archive.kind.RESIDENCE", locale),
					say(locale, "archive.residence", reader.orNone(reader.place("from")),
							reader.orNone(reader.place("to"))));
			case "GRADE" -> new ArchiveEntry(on, kind, reader.grade("grade"),
					say(locale, "archive.grade.recognised", reader.text("enterprise"), reader.grade("grade"),
							reader.occupation("occupation"), reader.text("basis") == null ? reader.orNone(null)
									: word("archive.grade.basis." + reader.text("basis"), locale),
							reader.orNone(reader.text("reason"))));
			case "TRAINING" -> training(on, reader, locale);
			case "VOUCHER" -> new ArchiveEntry(on, kind, word("archive.kind.VOUCHER", locale),
					"REDEEMED".equals(reader.text("step"))
							? say(locale, "archive.voucher.redeemed", reader.text("provider"), voucherFor(reader))
							: say(locale, "archive.voucher.issued", voucherFor(reader),
									reader.text("validUntil") == null ? reader.orNone(null)
											: new Formats(locale).date(reader.text("validUntil"))));
			case "ENROLMENT" -> enrolment(on, reader, locale);
			case "SUBSIDY" -> subsidy(on, reader, locale);
			case "APPLICATION" -> new ArchiveEntry(on, kind, reader.text("job"), say(locale, "archive.application",
					reader.employer("enterprise"), reader.orNone(reader.text("job")), reader.occupation("occupation"),
					word("archive.application.origin." + reader.text("origin"), locale)));
			case "PLACEMENT" -> new ArchiveEntry(on, kind, reader.text("job"), say(locale, "archive.placement",
					reader.employer("enterprise"), reader.orNone(reader.text("job")), reader.occupation("occupation"),
					reader.text("startsOn") == null ? reader.orNone(null) : new Formats(locale).date(reader.text("startsOn")),
					reader.text("contractMonths"), word("archive.placement.origin." + reader.text("origin"), locale)));
			default -> new ArchiveEntry(on, kind, word("archive.kind.other", locale), null);
		};
	}

	/** A certificate on the archive: its type and number, then occupation, grade, issuer and whether it stands. */
	ArchiveEntry certificate(Certificate c, Locale locale) {
		var type = CertificateType.fromCode(c.type()).name(locale);
		var parts = new ArrayList<String>();
		if (c.occupationCode() != null) {
			parts.add(occupations.nameOf(c.occupationCode()));
		}
		if (c.grade() != null) {
			parts.add(gradeName(c.grade(), locale));
		}
		parts.add(c.issuer());
		var detail = String.join(" · ", parts);
		if ("REVOKED".equals(c.status())) {
			detail = detail + " · " + say(locale, "archive.certificate.revoked", c.revokedReason());
		}
		return new ArchiveEntry(c.issuedOn(), "CERTIFICATE", type + " " + c.number(), detail);
	}

	/** A grade the certificates raised: 取得中级工 or 由中级工晋升为高级工. */
	ArchiveEntry raised(LocalDate on, SkillGrade from, SkillGrade to, Locale locale) {
		var title = gradeName(to.code(), locale);
		return new ArchiveEntry(on, "GRADE", title, from == null ? say(locale, "archive.grade.first", title)
				: say(locale, "archive.grade.raised", gradeName(from.code(), locale), title));
	}

	private static String voucherFor(Reader reader) {
		return reader.occupation("occupation") + (reader.text("grade") == null ? "" : " " + reader.grade("grade"));
	}

		private ArchiveEntry training(LocalDate on, Reader reader, Locale locale) {
		var step = reader.text("step");
		var what = reader.occupation("occupation") + (reader.text("grade") == null ? "" : " " + reader.grade("grade"));
		var sentence = switch (step == null ? "" : step) {
			case "ENROLLED" -> say(locale, "archive.training.enrolled", reader.text("provider"), what);
			case "COMPLETED" -> say(locale, "archive.training.completed", reader.text("provider"), what,
					reader.orNone(reader.text("detail")));
			case "NOT_COMPLETED" -> say(locale, "archive.training.not-completed", reader.text("provider"), what,
					reader.orNone(reader.text("detail")));
			case "PASSED" -> reader.text("detail") == null
					? say(locale, "archive.training.passed", what)
					: say(locale, "archive.training.passed.certified", what, reader.text("detail"));
			case "FAILED" -> say(locale, "archive.training.failed", what);
			default -> say(locale, "archive.training.other", reader.text("provider"), what);
		};
		return new ArchiveEntry(on, "TRAINING", word("archive.kind.TRAINING", locale), sentence);
	}

	private ArchiveEntry enrolment(LocalDate on, Reader reader, Locale locale) {
		var status = reader.text("status");
		var specialty = reader.text("specialtyName") != null ? reader.text("specialtyName") : reader.text("specialty");
		var intake = reader.intake("intake");
		var sentence = say(locale, "archive.enrolment." + (status == null ? "other" : status), reader.text("school"),
				reader.orNone(specialty), intake, reader.orNone(reader.text("reason")));
		return new ArchiveEntry(on, "ENROLMENT", word("archive.kind.ENROLMENT", locale), sentence);
	}

	private ArchiveEntry subsidy(LocalDate on, Reader reader, Locale locale) {
		var outcome = reader.text("outcome") == null ? "OTHER" : reader.text("outcome");
		var amount = reader.money("amount");
		var certificate = reader.orNone(reader.text("certificate"));
		String reason;
		if (reader.text("reason") != null) {
			reason = messages.getMessage(reader.text("reason"), reader.list("reasonArguments"), reader.text("reason"), locale);
		}
		else {
			reason = reader.orNone(reader.text("why"));
		}
		// the subsidy module names its schemes (subsidy.scheme.*); entries written before codes were stored carry the name
		var code = reader.text("scheme") == null ? "TRAINING" : reader.text("scheme");
		var scheme = messages.getMessage("subsidy.scheme." + code, null,
				messages.getMessage("archive.subsidy.scheme." + code, null, code, locale), locale);
		var sentence = say(locale, "archive.subsidy." + outcome, scheme, amount, certificate, reason);
		return new ArchiveEntry(on, "SUBSIDY", scheme, sentence);
	}

	private String gradeName(String code, Locale locale) {
		return SkillGrade.labelOf(code, locale);
	}

	private String word(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private String say(Locale locale, String key, Object... arguments) {
		return messages.getMessage(key, arguments, messages.getMessage("archive.unknown", null, key, locale), locale);
	}

	/** The stored values, each turned into what a reader should see. */
	private final class Reader {

		private final Map<String, Object> detail;
		private final Locale locale;

		Reader(Map<String, Object> detail, Locale locale) {
			this.detail = detail == null ? Map.of() : detail;
			this.locale = locale;
		}

		String text(String key) {
			var value = detail.get(key);
			return value == null || value.toString().isBlank() ? null : value.toString();
		}

		Object[] list(String key) {
			return detail.get(key) instanceof List<?> values ? values.toArray() : null;
		}

		String place(String key) {
			var code = text(key);
			return code == null ? null : regions.placeOf(code);
		}

		String employer(String key) {
			var code = text(key);
			if (code == null) {
				return null;
			}
			return organisations.enterprise(code).map(Enterprise::name)
					.or(() -> organisations.provider(code).map(Provider::name)).orElse(code);
		}

		String occupation(String key) {
			var code = text(key);
			return code == null ? orNone(null) : occupations.nameOf(code);
		}

		String grade(String key) {
			var code = text(key);
			return code == null ? orNone(null) : gradeName(code, locale);
		}

		String money(String key) {
			var value = detail.get(key);
			return value == null ? orNone(null) : new Formats(locale).money(new BigDecimal(value.toString()));
		}

		/** "2027 SPRING" as 2027年春季. */
		String intake(String key) {
			var value = text(key);
			if (value == null) {
				return orNone(null);
			}
			var parts = value.split(" ");
			return parts.length == 2 ? messages.getMessage("archive.intake." + parts[1], new Object[] { parts[0] },
					value, locale) : value;
		}

		String orNone(String value) {
			return value == null ? word("archive.none", locale) : value;
		}
	}
}
