package cn.gongjiang.imports.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletResponse;

import cn.gongjiang.imports.BulkImport;
import cn.gongjiang.imports.ImportJob;
import cn.gongjiang.imports.ImportJobQuery;
import cn.gongjiang.imports.ImportStatus;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Bulk import")
class ImportApiController {

	private final BulkImport imports;
	private final ImportMessages messages;
	private final ImportFileDownloads downloads;
	private final ImportKinds kinds;

	ImportApiController(BulkImport imports, ImportMessages messages, ImportFileDownloads downloads,
			ImportKinds kinds) {
		this.kinds = kinds;
		this.imports = imports;
		this.messages = messages;
		this.downloads = downloads;
	}

	record Accepted(UUID id) {
	}

	record JobView(UUID id, String kind, String status, String fileName, Instant uploadedAt, Instant finishedAt,
			int totalRows, int acceptedRows, int rejectedRows, int unchangedRows, int percent, long rowsPerSecond,
			String failureCode, String failureMessage, List<String> ignoredColumns, String kindName) {
	}

	record ErrorView(int row, String column, String code, String message) {
	}

	@Operation(summary = "Upload a CSV (UTF-8 or GBK) or xlsx file of one kind; the import runs in the background",
			description = "Kinds: persons, enterprises, providers, certificates, attendance, demand, education-rosters, "
					+ "registrations, payment-statement (each for the roles that may import it). Columns are matched by header; "
					+ "see the templates and docs/imports.md.")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Accepted> submit(@RequestParam String kind, @RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal Actor actor) throws IOException {
		try (var in = file.getInputStream()) {
			var id = imports.submit(actor, kind, file.getOriginalFilename(), in);
			return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, "/api/v1/imports/" + id)
					.body(new Accepted(id));
		}
	}

	@Operation(summary = "The caller's own imports, newest first, paged",
			description = "Filters: kind, status (QUEUED, RUNNING, DONE, FAILED), file (part of the file name). "
					+ "Sort: uploaded, file, kind, status, rejected (prefix - for descending). The body stays the "
					+ "array it always was; the header X-Total-Count carries how many match in all.")
	@ApiResponse(responseCode = "200", headers = @Header(name = "X-Total-Count",
			description = "How many jobs match the filter in all", schema = @Schema(type = "integer")))
	@GetMapping
	List<JobView> recent(@RequestParam(required = false) String kind,
			@RequestParam(required = false) ImportStatus status, @RequestParam(required = false) String file,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) {
		var jobs = imports.jobs(actor, new ImportJobQuery(kind, status, file),
				PageRequest.of(page, size, sort, BulkImport.JOB_SORTS, "-uploaded"));
		response.setHeader("X-Total-Count", Long.toString(jobs.total()));
		return jobs.items().stream().map(j -> view(j, locale)).toList();
	}

	@Operation(summary = "Progress and result of an import")
	@GetMapping("/{id}")
	JobView job(@PathVariable UUID id, @AuthenticationPrincipal Actor actor, Locale locale) {
		return view(imports.job(actor, id), locale);
	}

	@Operation(summary = "Every refused row: row number as Excel shows it, column, code and message")
	@GetMapping("/{id}/errors")
	List<ErrorView> errors(@PathVariable UUID id, @RequestParam(defaultValue = "10000") int limit,
			@AuthenticationPrincipal Actor actor, Locale locale) {
		return imports.errors(actor, id, Math.min(limit, 100_000)).stream()
				.map(e -> new ErrorView(e.row(), e.violation().field(), e.violation().code(),
						messages.of(e, locale))).toList();
	}

	@Operation(summary = "The refused rows in the file's own layout with an error column, to fix and re-import",
			description = "Named after the uploaded file: 2026年人员-错误报告.xlsx. Audited: it repeats personal data.")
	@GetMapping("/{id}/errors.xlsx")
	void errorReport(@PathVariable UUID id, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		downloads.errorReport(id, actor, locale, response);
	}

	@Operation(summary = "An empty file with the kind's headers (required ones marked *), xlsx with a help sheet",
			description = "Named in the reader's language: 人员导入模板.xlsx")
	@GetMapping("/templates/{kind}.xlsx")
	void xlsxTemplate(@PathVariable String kind, Locale locale, HttpServletResponse response) throws IOException {
		downloads.template(kind, "xlsx", null, locale, response);
	}

	@Operation(summary = "The kind's headers as CSV: UTF-8 with a BOM, or GBK with charset=GBK")
	@GetMapping("/templates/{kind}.csv")
	void csvTemplate(@PathVariable String kind, @RequestParam(required = false) String charset, Locale locale,
			HttpServletResponse response) throws IOException {
		downloads.template(kind, "csv", charset, locale, response);
	}

	private JobView view(ImportJob j, Locale locale) {
		return new JobView(j.id(), j.kind(), j.status().name(), j.fileName(), j.uploadedAt(), j.finishedAt(),
				j.totalRows(), j.acceptedRows(), j.rejectedRows(), j.unchangedRows(), j.percent(), j.rowsPerSecond(),
				j.failureCode(), j.failureCode() == null ? null
						: messages.of(j.failureCode(), new Object[] { j.failureDetail() }, locale), j.ignoredColumns(),
				kinds.name(j.kind(), locale));
	}
}
