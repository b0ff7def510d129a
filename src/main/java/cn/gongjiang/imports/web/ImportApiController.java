package cn.gongjiang.imports.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
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
import cn.gongjiang.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Bulk import")
class ImportApiController {

	static final MediaType XLSX = MediaType
			.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final BulkImport imports;
	private final ImportMessages messages;

	ImportApiController(BulkImport imports, ImportMessages messages) {
		this.imports = imports;
		this.messages = messages;
	}

	record Accepted(UUID id) {
	}

	record JobView(UUID id, String kind, String status, String fileName, Instant uploadedAt, Instant finishedAt,
			int totalRows, int acceptedRows, int rejectedRows, int unchangedRows, int percent, long rowsPerSecond,
			String failureCode, String failureMessage, java.util.List<String> ignoredColumns) {
	}

	record ErrorView(int row, String column, String code, String message) {
	}

	@Operation(summary = "Upload a CSV (UTF-8 or GBK) or xlsx file of one kind; the import runs in the background",
			description = "Kinds: persons, enterprises, providers, certificates. Columns are matched by header; "
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

	@GetMapping
	List<JobView> recent(@AuthenticationPrincipal Actor actor, Locale locale) {
		return imports.recent(actor).stream().map(j -> view(j, locale)).toList();
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
				.map(e -> new ErrorView(e.row(), e.column(), e.code(), messages.of(e, locale))).toList();
	}

	@Operation(summary = "The refused rows in the file's own layout with an error column, to fix and re-import")
	@GetMapping("/{id}/errors.xlsx")
	void errorReport(@PathVariable UUID id, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		imports.job(actor, id);
		download(response, "import-" + id + "-errors.xlsx", XLSX);
		imports.errorReport(actor, id, response.getOutputStream(), e -> messages.of(e, locale));
	}

	@Operation(summary = "An empty file with the kind's headers (required ones marked *), xlsx with a help sheet")
	@GetMapping("/templates/{kind}.xlsx")
	void xlsxTemplate(@PathVariable String kind, HttpServletResponse response) throws IOException {
		imports.handler(kind);
		download(response, kind + "-template.xlsx", XLSX);
		imports.template(kind, true, response.getOutputStream());
	}

	@GetMapping("/templates/{kind}.csv")
	void csvTemplate(@PathVariable String kind, HttpServletResponse response) throws IOException {
		imports.handler(kind);
		download(response, kind + "-template.csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
		imports.template(kind, false, response.getOutputStream());
	}

	private JobView view(ImportJob j, Locale locale) {
		return new JobView(j.id(), j.kind(), j.status().name(), j.fileName(), j.uploadedAt(), j.finishedAt(),
				j.totalRows(), j.acceptedRows(), j.rejectedRows(), j.unchangedRows(), j.percent(), j.rowsPerSecond(),
				j.failureCode(), j.failureCode() == null ? null
						: messages.of(j.failureCode(), new Object[] { j.failureDetail() }, locale), j.ignoredColumns());
	}

	static void download(HttpServletResponse response, String name, MediaType type) {
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString());
		response.setContentType(type.toString());
	}
}
