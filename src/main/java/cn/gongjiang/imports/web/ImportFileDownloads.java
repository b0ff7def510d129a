package cn.gongjiang.imports.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.imports.BulkImport.TemplateFormat;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The files of bulk import, the same from the console and the API: templates and error reports named in Chinese
 * (人员导入模板.xlsx, 2026年人员-错误报告.xlsx), the error report audited as the export of personal data it is.
 */
@Component
class ImportFileDownloads {

	private final BulkImport imports;
	private final ImportKinds kinds;
	private final ImportMessages messages;

	ImportFileDownloads(BulkImport imports, ImportKinds kinds, ImportMessages messages) {
		this.imports = imports;
		this.kinds = kinds;
		this.messages = messages;
	}

	void errorReport(UUID id, Actor actor, Locale locale, HttpServletResponse response) throws IOException {
		var job = imports.job(actor, id);
		var file = Downloads.attachment(response, kinds.errorReportFile(job.fileName(), locale), Downloads.XLSX);
		imports.errorReport(actor, id, file, e -> messages.of(e, locale));
	}

	/** {@code format} xlsx or csv; a CSV in GBK with {@code charset=GBK}, else UTF-8 with a BOM. */
	void template(String kind, String format, String charset, Locale locale, HttpServletResponse response)
			throws IOException {
		imports.handler(kind);
		var name = kinds.name(kind, locale);
		if ("xlsx".equals(format)) {
			var file = Downloads.attachment(response, kinds.templateFile(kind, ".xlsx", locale), Downloads.XLSX);
			imports.template(kind, TemplateFormat.XLSX, name, file);
		}
		else if ("csv".equals(format)) {
			var gbk = charset != null && charset.equalsIgnoreCase("GBK");
			var file = Downloads.attachment(response, kinds.templateFile(kind, gbk ? "-GBK.csv" : ".csv", locale),
					Downloads.CSV + ";charset=" + (gbk ? "GBK" : "UTF-8"));
			imports.template(kind, gbk ? TemplateFormat.CSV_GBK : TemplateFormat.CSV_UTF8, name,
					file);
		}
		else {
			throw new NotFoundException("import.template.format", format);
		}
	}
}
