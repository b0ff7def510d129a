package cn.gongjiang.imports.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.imports.ImportHandler;
import cn.gongjiang.shared.security.Actor;

/**
 * The import kinds as a reader meets them: named in their language, in the order the work comes (the registries
 * first, then what providers and schools upload, then the bank's statements), and only those the reader may import.
 * A kind whose module forgot its name still reads as words, never as a message key.
 */
@Component
class ImportKinds {

	private static final List<String> ORDER = List.of("persons", "enterprises", "providers", "certificates",
			"class-trainees", "attendance", "demand", "jobs", "seekers", "education-rosters", "registrations", "payment-statement",
			"employment-statistics", "wages", "locations", "target-returns");

	/** One kind offered to the reader: its code for URLs, its name and a sentence on what it is for. */
	record Kind(String code, String name, String hint) {
	}

	private final BulkImport imports;
	private final MessageSource messages;

	ImportKinds(BulkImport imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	List<Kind> importable(Actor actor, Locale locale) {
		return imports.importable(actor).stream().map(ImportHandler::kind).sorted(Comparator.comparingInt(ImportKinds::rank)
				.thenComparing(Comparator.naturalOrder())).map(k -> kind(k, locale)).toList();
	}

	Kind kind(String code, Locale locale) {
		return new Kind(code, name(code, locale), messages.getMessage("imports.kind." + code + ".hint", null, "", locale));
	}

	String name(String code, Locale locale) {
		var name = messages.getMessage("imports.kind." + code, null, null, locale);
		return name != null ? name : messages.getMessage("imports.kind.unnamed", new Object[] { code }, locale);
	}

	/** 人员导入模板.xlsx */
	String templateFile(String code, String extension, Locale locale) {
		return messages.getMessage("imports.template.file", new Object[] { name(code, locale) }, locale) + extension;
	}

	/** 2026年人员.csv → 2026年人员-错误报告.xlsx */
	String errorReportFile(String uploaded, Locale locale) {
		var base = uploaded == null ? "" : uploaded.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
		return messages.getMessage("imports.errorReport.file", new Object[] { base }, locale) + ".xlsx";
	}

	private static int rank(String code) {
		var at = ORDER.indexOf(code);
		return at < 0 ? ORDER.size() : at;
	}
}
