package cn.gongjiang.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditQuery;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.Downloads;
import cn.gongjiang.shared.web.Formats;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The filtered log as an xlsx that reads like the page (times in Beijing, actions, roles and outcomes in words),
 * streamed row by row; at most {@link #MAX_ROWS} rows, what one sheet holds with room to spare. Named 审计日志-….xlsx
 * and itself recorded in the log.
 */
@Component
class AuditExport {

	static final int MAX_ROWS = 1_000_000;

	private final AuditLog audit;
	private final AuditWords words;
	private final MessageSource messages;
	private final Clock clock;

	AuditExport(AuditLog audit, AuditWords words, MessageSource messages, Clock clock) {
		this.audit = audit;
		this.words = words;
		this.messages = messages;
		this.clock = clock;
	}

	void write(Actor auditor, AuditQuery query, Locale locale, HttpServletResponse response) throws IOException {
		AuditLog.requireAuditor(auditor);
		var file = Downloads.attachment(response, fileName(query, locale), Downloads.XLSX);
		write(auditor, query, locale, file);
	}

	void write(Actor auditor, AuditQuery query, Locale locale, OutputStream out) throws IOException {
		var formats = new Formats(locale);
		var workbook = new Workbook(out, "Gongjiang", "1.0");
		var sheet = workbook.newWorksheet(messages.getMessage("audit.title", null, locale));
		var headers = List.of("audit.number", "audit.time", "audit.account", "audit.role", "audit.scope",
				"audit.action", "audit.action.code", "audit.target", "audit.outcome", "audit.address", "audit.detail",
				"audit.hash");
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(0, c, messages.getMessage(headers.get(c), null, locale));
			sheet.style(0, c).bold().fillColor("E7E6E6").set();
		}
		sheet.width(1, 18);
		sheet.width(5, 24);
		sheet.width(10, 50);
		var row = new int[] { 1 };
		audit.export(auditor, query, MAX_ROWS, e -> {
			var r = row[0]++;
			sheet.value(r, 0, e.id());
			sheet.value(r, 1, formats.dateTime(e.occurredAt()));
			sheet.value(r, 2, e.account());
			sheet.value(r, 3, words.role(e.role(), locale));
			sheet.value(r, 4, words.scopeWords(e.scope(), locale));
			sheet.value(r, 5, words.action(e.action(), locale));
			sheet.value(r, 6, e.action());
			sheet.value(r, 7, e.target());
			sheet.value(r, 8, words.outcome(e.outcome(), locale));
			sheet.value(r, 9, e.clientAddress());
			sheet.value(r, 10, words.detail(e.detail(), locale));
			sheet.value(r, 11, AuditWords.hashOf(e));
			if (r % 10_000 == 0) {
				try {
					sheet.flush();
				}
				catch (IOException e1) {
					throw new UncheckedIOException(e1);
				}
			}
		});
		workbook.finish();
	}

	/** 审计日志-2026-11-01至2026-11-30.xlsx, or with today's date when no days were chosen. */
	String fileName(AuditQuery query, Locale locale) {
		var today = LocalDate.now(clock.withZone(Formats.BEIJING));
		var span = query.from() == null && query.to() == null ? today.toString()
				: messages.getMessage("audit.export.span", new Object[] {
						query.from() == null ? "" : query.from().toString(),
						(query.to() == null ? today : query.to()).toString() }, locale);
		return messages.getMessage("audit.export.file", new Object[] { span }, locale) + ".xlsx";
	}
}
