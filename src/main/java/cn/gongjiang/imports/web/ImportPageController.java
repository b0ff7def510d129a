package cn.gongjiang.imports.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

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
import cn.gongjiang.shared.security.Actor;

/** The import page: choose a kind, download its template, upload, watch the progress bar, fetch the error report. */
@Controller
class ImportPageController {

	private final BulkImport imports;
	private final ImportMessages messages;

	ImportPageController(BulkImport imports, ImportMessages messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping("/imports")
	String imports(@RequestParam(defaultValue = "persons") String kind, @AuthenticationPrincipal Actor actor,
			Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", imports.kinds());
		model.addAttribute("columns", imports.handler(kind).columns());
		model.addAttribute("jobs", imports.recent(actor));
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
			jakarta.servlet.http.HttpServletResponse response) throws IOException {
		imports.job(actor, id);
		ImportApiController.download(response, "import-" + id + "-errors.xlsx", ImportApiController.XLSX);
		imports.errorReport(actor, id, response.getOutputStream(), e -> messages.of(e, locale));
	}

	@GetMapping("/imports/templates/{kind}.{format}")
	void template(@PathVariable String kind, @PathVariable String format,
			jakarta.servlet.http.HttpServletResponse response) throws IOException {
		imports.handler(kind);
		var xlsx = !"csv".equals(format);
		ImportApiController.download(response, kind + "-template." + (xlsx ? "xlsx" : "csv"), xlsx
				? ImportApiController.XLSX : new org.springframework.http.MediaType("text", "csv",
						java.nio.charset.StandardCharsets.UTF_8));
		imports.template(kind, xlsx, response.getOutputStream());
	}

	/** The job page; htmx asks again every second for the progress fragment until the job is done. */
	@GetMapping("/imports/{id}")
	String job(@PathVariable UUID id, @AuthenticationPrincipal Actor actor,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
		var job = imports.job(actor, id);
		model.addAttribute("job", job);
		model.addAttribute("failure", job.failureCode() == null ? null
				: messages.of(job.failureCode(), new Object[] { job.failureDetail() }, locale));
		if (!job.ignoredColumns().isEmpty()) {
			model.addAttribute("ignored", messages.of("imports.ignored", new Object[] {
					String.join("、", job.ignoredColumns()), String.join("、", imports.handler(job.kind()).columns().stream()
							.map(c -> c.header()).toList()) }, locale));
		}
		if (job.rejectedRows() > 0) {
			model.addAttribute("errors", imports.errors(actor, id, 20).stream()
					.map(e -> e.row() + " · " + (e.column() == null ? "" : e.column() + " · ") + messages.of(e, locale))
					.toList());
		}
		return htmx != null ? "imports/job :: progress" : "imports/job";
	}
}
