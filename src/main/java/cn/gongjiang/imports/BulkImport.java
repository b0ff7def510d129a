package cn.gongjiang.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;

import jakarta.annotation.PreDestroy;

/**
 * Accepts uploads and runs them one at a time in the background (a bulk import uses a core fully; two at once on a
 * two-core machine would starve the console). Jobs left unfinished by a stopped process run again at start-up.
 */
@Service
public class BulkImport {

	/** The sort keys of a jobs list (uploaded, file, kind, status, rejected), for {@link PageRequest#of}. */
	public static final Map<String, String> JOB_SORTS = ImportJobs.SORTS;

	private final ImportRunner runner;
	private final ImportJobs jobs;
	private final ImportFiles files;
	private final ActorCodec actors;
	private final AuditLog audit;
	private final ErrorReport report;
	private final ImportFileRetention retention;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		var thread = new Thread(r, "import-worker");
		thread.setDaemon(true);
		return thread;
	});

	BulkImport(ImportRunner runner, ImportJobs jobs, ImportFiles files, ActorCodec actors, AuditLog audit,
			ErrorReport report, ImportFileRetention retention) {
		this.report = report;
		this.retention = retention;
		this.runner = runner;
		this.jobs = jobs;
		this.files = files;
		this.actors = actors;
		this.audit = audit;
	}

	/** Stores the upload, records the job as queued and starts it; returns at once. */
	public UUID submit(Actor actor, String kind, String fileName, InputStream content) {
		var handler = handler(kind);
		if (!handler.mayImport(actor)) {
			throw actor.refuse("import.submit", kind, fileName);
		}
		var id = UUID.randomUUID();
		var sha = files.store(id, content);
		var format = isXlsx(id) ? "XLSX" : "CSV";
		jobs.create(id, kind, fileName == null ? "upload" : fileName, format, sha, actor.username(),
				actors.encode(actor));
		audit.record(actor, "import.submit", kind + ":" + id, AuditOutcome.SUCCESS, fileName + " sha256=" + sha);
		worker.submit(() -> runner.run(id));
		return id;
	}

	public ImportJob job(Actor actor, UUID id) {
		return jobs.find(id).filter(j -> j.uploadedBy().equals(actor.username()))
				.orElseThrow(() -> new NotFoundException("import.not-found"));
	}

	public List<ImportJob> recent(Actor actor) {
		return jobs.recent(actor.username(), 20);
	}

	/** The actor's own jobs, newest first unless sorted otherwise. */
	public Page<ImportJob> jobs(Actor actor, ImportJobQuery query, PageRequest request) {
		return jobs.page(actor.username(), query, request);
	}

	/** The kinds this actor may import, so a page offers no kind that would be refused. */
	public List<ImportHandler> importable(Actor actor) {
		return runner.handlers().values().stream().filter(h -> h.mayImport(actor))
				.sorted(Comparator.comparing(ImportHandler::kind)).toList();
	}

	public List<RowError> errors(Actor actor, UUID id, int limit) {
		job(actor, id);
		return jobs.errors(id, limit);
	}

	public ImportHandler handler(String kind) {
		var handler = runner.handler(kind);
		if (handler == null) {
			throw new NotFoundException("import.kind.unknown", kind);
		}
		return handler;
	}

	public List<String> kinds() {
		return runner.handlers().keySet().stream().sorted().toList();
	}

	/** When the job's upload was deleted after the retention period: the number of days it was kept. */
	public Optional<Long> errorReportGone(UUID id) {
		return files.kept(id) ? Optional.empty() : Optional.of(retention.keep().toDays());
	}

	/** The refused rows in the file's own layout with an error column (xlsx). */
	public void errorReport(Actor actor, UUID id, OutputStream out,
			Function<RowError, String> message) throws IOException {
		job(actor, id);
		if (!files.kept(id)) {
			throw new NotFoundException("import.file.expired", retention.keep().toDays());
		}
		// the report repeats the uploaded rows, personal data included: an export like any other
		audit.record(actor, "import.error-report", id.toString(), AuditOutcome.SUCCESS, null);
		report.write(id, out, message);
	}

	public void template(String kind, boolean xlsx, OutputStream out) throws IOException {
		template(kind, xlsx ? TemplateFormat.XLSX : TemplateFormat.CSV_UTF8, null, out);
	}

	/** An empty file of the kind with its headers; {@code title} names the sheet (the kind's own name). */
	public void template(String kind, TemplateFormat format, String title, OutputStream out)
			throws IOException {
		var handler = handler(kind);
		switch (format) {
			case XLSX -> Templates.xlsx(handler, title, out);
			case CSV_UTF8 -> Templates.csv(handler, StandardCharsets.UTF_8, out);
			case CSV_GBK -> Templates.csv(handler, Charset.forName("GBK"), out);
		}
	}

	/** The three files a template comes as: Excel, and CSV as either Excel on Chinese Windows or UTF-8 saves it. */
	public enum TemplateFormat {
		XLSX, CSV_UTF8, CSV_GBK
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeUnfinished() {
		jobs.unfinished().forEach(id -> worker.submit(() -> runner.run(id)));
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	private boolean isXlsx(UUID id) {
		try {
			return TabularFile.isXlsx(files.path(id));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
