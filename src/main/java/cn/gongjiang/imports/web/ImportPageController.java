package cn.gongjiang.imports.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.imports.ImportJob;
import cn.gongjiang.imports.ImportJobQuery;
import cn.gongjiang.imports.ImportStatus;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.UploadLimit;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The import page: choose one of the kinds the reader may import, read its columns, download its template,
 * upload; below, the reader's own jobs, paged and filtered. The job page follows the progress live and offers the
 * error report.
 */
@Controller
class ImportPageController {

	private final BulkImport imports;
	private final ImportKinds kinds;
	private final ImportMessages messages;
	private final ImportFileDownloads downloads;

	private final String maxUpload;

	ImportPageController(BulkImport imports, ImportKinds kinds, ImportMessages messages,
			ImportFileDownloads downloads, Environment environment) {
		this.maxUpload = UploadLimit.of(environment);
		this.imports = imports;
		this.kinds = kinds;
		this.messages = messages;
		this.downloads = downloads;
	}

	/** A job as its list shows it: the kind by name. */
	record JobRow(ImportJob job, String kindName) {
	}

	@GetMapping("/imports")
	String imports(@RequestParam(required = false) String kind, @RequestParam(required = false) String jobKind,
			@RequestParam(required = false) String status, @RequestParam(required = false) String file,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String refused,
			@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		var offered = kinds.importable(actor, locale);
		if (offered.isEmpty()) {
			throw new AccessDeniedException("this role imports nothing");
		}
		var chosen = offered.stream().filter(k -> k.code().equals(kind)).findFirst().orElse(offered.get(0));
		var jobStatus = Arrays.stream(ImportStatus.values()).filter(s -> s.name().equals(status)).findFirst()
				.orElse(null);
		var request = PageRequest.of(page, size, sort, BulkImport.JOB_SORTS, "-uploaded");
		var jobs = imports.jobs(actor, new ImportJobQuery(jobKind, jobStatus, file), request)
				.map(j -> new JobRow(j, kinds.name(j.kind(), locale)));
		model.addAttribute("kinds", offered);
		model.addAttribute("kind", chosen);
		model.addAttribute("columns", imports.handler(chosen.code()).columns());
		model.addAttribute("page", jobs);
		model.addAttribute("statuses", ImportStatus.values());
		model.addAttribute("filter", new ImportJobQuery(jobKind, jobStatus, file));
		if ("too-large".equals(refused)) {
			model.addAttribute("refused", messages.of("imports.upload.too-large", new Object[] { maxUpload }, locale));
		}
		return "imports/imports";
	}

	@PostMapping("/imports")
	String upload(@RequestParam String kind, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal Actor actor) throws IOException {
		try (var in = file.getInputStream()) {
			return "redirect:/imports/" + imports.submit(actor, kind, file.getOriginalFilename(), in);
		}
	}

	@GetMapping("/imports/{id}/errors.xlsx")
	void errorReport(@PathVariable UUID id, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		downloads.errorReport(id, actor, locale, response);
	}

	@GetMapping("/imports/templates/{kind}.{format}")
	void template(@PathVariable String kind, @PathVariable String format,
			@RequestParam(required = false) String charset, Locale locale, HttpServletResponse response)
			throws IOException {
		downloads.template(kind, format, charset, locale, response);
	}

	/** The job page; htmx asks again every second for the progress fragment until the job is done. */
	@GetMapping("/imports/{id}")
	String job(@PathVariable UUID id, @AuthenticationPrincipal Actor actor,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
		var job = imports.job(actor, id);
		model.addAttribute("job", job);
		model.addAttribute("kindName", kinds.name(job.kind(), locale));
		model.addAttribute("failure", job.failureCode() == null ? null
				: messages.of(job.failureCode(), new Object[] { job.failureDetail() }, locale));
		if (!job.ignoredColumns().isEmpty()) {
			var separator = "en".equals(locale.getLanguage()) ? ", " : "、";
			model.addAttribute("ignored", messages.of("imports.ignored", new Object[] {
					String.join(separator, job.ignoredColumns()), String.join(separator, imports.handler(job.kind())
							.columns().stream().map(c -> c.header()).toList()) }, locale));
		}
		if (job.rejectedRows() > 0) {
			model.addAttribute("errors", imports.errors(actor, id, 20).stream()
					.map(e -> new ErrorRow(e.row(), e.violation().field(), messages.of(e, locale))).toList());
			model.addAttribute("reportGone", imports.errorReportGone(id)
					.map(days -> messages.of("import.file.expired", new Object[] { days }, locale)).orElse(null));
		}
		return htmx != null ? "imports/job :: progress" : "imports/job";
	}

	/** One refused row as the job page lists it. */
	record ErrorRow(int row, String column, String message) {
	}
}
