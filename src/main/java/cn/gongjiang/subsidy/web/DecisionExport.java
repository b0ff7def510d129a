package cn.gongjiang.subsidy.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.Formats;
import cn.gongjiang.subsidy.SubsidyDecisions;
import cn.gongjiang.subsidy.decisions.Decision;
import cn.gongjiang.subsidy.decisions.Outcome;

/**
 * The decisions list as an xlsx: the filtered set in the list's order, every column in words as the page shows
 * it (schemes, outcomes, regions, occupations, grades, payment states and the reason by name; money as a number
 * under 金额（元）). At most {@link #LIMIT} rows; a last line says when the filter found more.
 */
@Component
class DecisionExport {

	static final int LIMIT = 100_000;

	private static final List<String> HEADER = List.of("id", "scheme", "certificate", "beneficiary", "occupation",
			"grade", "issued-on", "period", "paying-region", "funding-source", "outcome", "reason", "amount", "payment",
			"versions", "decided-at");

	private final SubsidyDecisions decisions;
	private final MessageSource messages;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;

	DecisionExport(SubsidyDecisions decisions, MessageSource messages, RegionDirectory regions,
			OccupationCatalogue occupations) {
		this.decisions = decisions;
		this.messages = messages;
		this.regions = regions;
		this.occupations = occupations;
	}

	/** The file's name in the reader's language: 补贴决定-2026-06-20.xlsx. */
	String fileName(Locale locale, LocalDate today) {
		return messages.getMessage("subsidy.export.file", new Object[] { today.toString() }, locale);
	}

	void write(Actor actor, SubsidyDecisions.Filter filter, PageRequest order, Locale locale, OutputStream out)
			throws IOException {
		var formats = new Formats(locale);
		var workbook = new Workbook(out, "Gongjiang", "1.0");
		var sheet = workbook.newWorksheet(text("subsidy.export.sheet", locale));
		for (int c = 0; c < HEADER.size(); c++) {
			sheet.value(0, c, text("subsidy.export.column." + HEADER.get(c), locale));
			sheet.style(0, c).bold().set();
		}
		var row = new int[] { 0 };
		decisions.export(actor, filter, order, LIMIT + 1, d -> {
			row[0]++;
			if (row[0] > LIMIT) {
				return;
			}
			var values = values(d, locale, formats);
			for (int c = 0; c < values.size(); c++) {
				var v = values.get(c);
				if (v instanceof BigDecimal amount) {
					sheet.value(row[0], c, amount);
				}
				else if (v instanceof Number n) {
					sheet.value(row[0], c, n);
				}
				else {
					// certificate numbers and codes as text, never as numbers Excel would round
					sheet.value(row[0], c, v == null ? "" : String.valueOf(v));
				}
			}
		});
		if (row[0] > LIMIT) {
			sheet.value(LIMIT + 2, 0, messages.getMessage("subsidy.export.more", new Object[] { formats.count(LIMIT) },
					locale));
		}
		workbook.finish();
	}

	private List<Object> values(Decision d, Locale locale, Formats formats) {
		var values = new ArrayList<Object>();
		values.add(d.id());
		values.add(text("subsidy.scheme." + d.scheme(), locale, d.scheme()));
		values.add(d.certificateNumber());
		values.add(d.beneficiary());
		values.add(d.occupationCode() == null ? null : occupations.nameOf(d.occupationCode()));
		values.add(grade(d.grade(), locale));
		values.add(d.issuedOn() == null ? null : formats.date(d.issuedOn()));
		values.add(period(d.period(), d.year(), locale));
		values.add(d.payingRegion() == null ? null : regions.placeOf(d.payingRegion()));
		values.add(text("subsidy.source." + d.fundingSource(), locale, d.fundingSource()));
		values.add(text("subsidy.outcome." + d.effectiveOutcome(), locale, d.effectiveOutcome().name()));
		values.add(reason(d, locale));
		values.add(Money.decimal(d.effectiveAmount()));
		values.add(text("subsidy.payment." + d.payment(), locale, d.payment().name()));
		values.add(versions(d, locale));
		values.add(formats.dateTime(d.decidedAt()));
		return values;
	}

	/** Why it is not granted: the deciding rule's sentence, or what the outcome's code says. */
	private String reason(Decision d, Locale locale) {
		if (d.effectiveOutcome() == Outcome.GRANTED) {
			return d.override() == null ? null : d.override().reason();
		}
		if (d.override() != null) {
			return d.override().reason();
		}
		var step = d.decidingStep();
		if (d.outcome() == Outcome.DENIED && step != null && !step.legacy()) {
			return messages.getMessage(step.reason(), step.argumentArray(), step.reason(), locale);
		}
		return d.code() == null ? null : messages.getMessage(d.code(), null, d.code(), locale);
	}

	private String versions(Decision d, Locale locale) {
		var versions = d.packVersions();
		if (versions.isEmpty()) {
			return d.policyVersions();
		}
		return String.join(" + ", versions.stream().map(v -> messages.getMessage("subsidy.pack.version",
				new Object[] { regions.nameOf(v.region()), String.valueOf(v.version()) }, locale)).toList());
	}

	private String period(String period, int year, Locale locale) {
		if (period == null) {
			return String.valueOf(year);
		}
		return "once".equals(period) ? text("subsidy.period.once", locale) : period;
	}

	private static String grade(String code, Locale locale) {
		return SkillGrade.labelOf(code, locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private String text(String key, Locale locale, String fallback) {
		return messages.getMessage(key, null, fallback, locale);
	}
}
