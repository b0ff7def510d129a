package cn.gongjiang.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.database.CsvCopy;
import cn.gongjiang.shared.security.Actor;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Runs one import job through the pipeline: read and check each row, {@code COPY} accepted rows into the handler's
 * staging table in chunks, run the set-based checks, merge in chunks of row numbers, record every refused row.
 * Memory stays constant: one chunk of rows at a time.
 */
@Component
class ImportRunner {

	static final int COPY_CHUNK = 5_000;
	static final int MERGE_CHUNK = 20_000;
	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final Map<String, ImportHandler> handlers;
	private final ImportJobs jobs;
	private final ImportFiles files;
	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Function<String, Actor> actors;
	private final int maxAttempts;
	/** Rows merged per transaction; a test makes it small to stop a merge between two committed chunks. */
	private volatile int mergeChunk = MERGE_CHUNK;

	ImportRunner(List<ImportHandler> handlers, ImportJobs jobs, ImportFiles files, JdbcClient jdbc,
			DataSource dataSource, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			ActorCodec actors, Environment environment) {
		this.maxAttempts = environment.getProperty("gongjiang.imports.max-attempts", Integer.class, 3);
		this.handlers = handlers.stream().collect(Collectors.toMap(ImportHandler::kind, Function.identity()));
		this.jobs = jobs;
		this.files = files;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.actors = actors::decode;
	}

	ImportHandler handler(String kind) {
		return handlers.get(kind);
	}

	Map<String, ImportHandler> handlers() {
		return handlers;
	}

	void mergeChunk(int rows) {
		mergeChunk = rows;
	}

	void run(UUID id) {
		var job = jobs.find(id).orElseThrow();
		var handler = handlers.get(job.kind());
		var actor = actors.apply(jobs.actorJson(id));
		if (jobs.attempts(id) >= maxAttempts) {
			// a file that kills the process at every start must not be run for ever
			log.warn("Import {} was started {} times without finishing; given up", id, jobs.attempts(id));
			jobs.fail(id, "import.attempts-exhausted", Integer.toString(jobs.attempts(id)), clock.instant());
			return;
		}
		transactions.executeWithoutResult(tx -> jobs.start(id, clock.instant()));
		try {
			if (namedXlsx(job.fileName()) && !"XLSX".equals(job.fileFormat())) {
				throw new ImportRefusedException("import.file.unreadable");
			}
			jobs.total(id, countRows(id));
			clearStaging(handler, id);
			readAndStage(id, handler, actor);
			rejectStaged(id, handler);
			merge(id, handler, actor);
			clearStaging(handler, id);
			transactions.executeWithoutResult(tx -> {
				jobs.finish(id, clock.instant());
				var done = jobs.find(id).orElseThrow();
				events.publishEvent(new ImportCompleted(id, done.kind(), done.uploadedBy(), done.totalRows(),
						done.acceptedRows(), done.rejectedRows(), done.unchangedRows()));
			});
		}
		catch (ImportRefusedException e) {
			jobs.fail(id, e.code(), String.join(", ", Arrays.stream(e.arguments()).map(String::valueOf)
					.toList()), clock.instant());
		}
		catch (RuntimeException | IOException e) {
			log.error("Import {} failed", id, e);
			jobs.fail(id, "import.failed", e.getClass().getSimpleName(), clock.instant());
		}
		catch (OutOfMemoryError | StackOverflowError e) {
			// the job must not stay RUNNING: a restart would run it again and again
			log.error("Import {} failed", id, e);
			jobs.fail(id, "import.failed", e.getClass().getSimpleName(), clock.instant());
		}
	}

	private static boolean namedXlsx(String fileName) {
		var name = fileName.toLowerCase(Locale.ROOT);
		return name.endsWith(".xlsx") || name.endsWith(".xlsm");
	}

	/** Counts the data rows; a file with a header and nothing under it (blank rows only) is empty. */
	private int countRows(UUID id) throws IOException {
		try (var file = files.open(id)) {
			var count = 0;
			for (var rows = file.rows(); rows.hasNext(); rows.next()) {
				count++;
			}
			if (count == 0 || file.header().isEmpty() || file.header().stream().allMatch(String::isEmpty)) {
				throw new ImportRefusedException("import.file.empty");
			}
			return count;
		}
	}

	private void readAndStage(UUID id, ImportHandler handler, Actor actor) throws IOException {
		try (var file = files.open(id)) {
			// an alias counts as the column's own header unless the file has both
			var header = ImportColumn.canonical(file.header(), handler.columns());
			var missing = handler.columns().stream().filter(ImportColumn::required)
					.map(ImportColumn::header).filter(h -> !header.contains(h)).toList();
			if (!missing.isEmpty()) {
				throw new ImportRefusedException("import.header.missing", String.join("、", missing));
			}
			var known = handler.columns().stream().map(ImportColumn::header).toList();
			var ignored = header.stream().filter(h -> !h.isEmpty() && !known.contains(h)).distinct().toList();
			if (!ignored.isEmpty()) {
				jobs.ignoredColumns(id, ignored);
			}
			var checker = handler.checker(actor);
			var chunk = new Chunk(handler.stagingColumns().size());
			var errors = new ArrayList<RowError>();
			var processed = 0;
			for (var rows = file.rows(); rows.hasNext();) {
				var line = rows.next();
				processed++;
				var undecodable = line.undecodableCell();
				if (undecodable >= 0) {
					// one damaged row of a UTF-8 file is reported as such; the other rows go on
					var column = undecodable < header.size() && !header.get(undecodable).isEmpty()
							? header.get(undecodable) : null;
					errors.add(RowError.of(line.number(), column, "encoding", line.number(), charsetName(file)));
					if (processed % COPY_CHUNK == 0) {
						flush(id, handler, chunk, errors, processed);
					}
					continue;
				}
				var cells = new HashMap<String, String>();
				for (int i = 0; i < header.size() && i < line.cells().size(); i++) {
					if (!header.get(i).isEmpty()) {
						cells.put(header.get(i), line.cells().get(i));
					}
				}
				var checked = checker.check(new ImportRow(line.number(), cells));
				if (checked.accepted()) {
					chunk.add(id, line.number(), checked.staged());
				}
				else {
					errors.addAll(checked.errors());
				}
				if (processed % COPY_CHUNK == 0) {
					flush(id, handler, chunk, errors, processed);
				}
			}
			flush(id, handler, chunk, errors, processed);
		}
	}

	private static String charsetName(TabularFile file) {
		return file.charset() == null ? "xlsx" : file.charset() == TabularFile.GBK ? "GBK" : file.charset().name();
	}

	private void flush(UUID id, ImportHandler handler, Chunk chunk, List<RowError> errors, int processed) {
		transactions.executeWithoutResult(tx -> {
			if (chunk.size() > 0) {
				copy(handler, chunk.bytes());
			}
			jobs.addErrors(id, errors);
			jobs.processed(id, processed);
		});
		chunk.clear();
		errors.clear();
	}

	private void copy(ImportHandler handler, byte[] csv) {
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			CsvCopy.copy(connection, new ByteArrayInputStream(csv), handler.stagingTable() + " (job_id, row_number, "
					+ String.join(", ", handler.stagingColumns()) + ")", false);
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY into " + handler.stagingTable() + " failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private void rejectStaged(UUID id, ImportHandler handler) {
		transactions.executeWithoutResult(tx -> {
			var errors = handler.checkStaged(id);
			jobs.addErrors(id, errors);
			var rows = errors.stream().map(RowError::row).distinct().toArray(Integer[]::new);
			if (rows.length > 0) {
				jdbc.sql("delete from " + handler.stagingTable() + " where job_id = :job and row_number = any(:rows)")
						.param("job", id).param("rows", rows).update();
			}
		});
	}

	private void merge(UUID id, ImportHandler handler, Actor actor) {
		var range = jdbc.sql("select min(row_number), max(row_number), count(*) from " + handler.stagingTable()
				+ " where job_id = :job").param("job", id)
				.query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) }).single();
		if (range[2] == 0) {
			return;
		}
		var counts = new MergeCounts(0, 0);
		var applied = 0;
		var chunk = mergeChunk;
		for (int from = range[0]; from <= range[1]; from += chunk) {
			var to = Math.min(range[1], from + chunk - 1);
			var start = from;
			var chunkCounts = transactions.execute(tx -> handler.merge(id, start, to, actor));
			counts = counts.plus(chunkCounts);
			applied += chunkCounts.accepted() + chunkCounts.unchanged();
			var total = counts;
			var done = applied;
			transactions.executeWithoutResult(tx -> jobs.applied(id, done, total));
		}
	}

	private void clearStaging(ImportHandler handler, UUID id) {
		transactions.executeWithoutResult(tx -> jdbc.sql("delete from " + handler.stagingTable()
				+ " where job_id = :job").param("job", id).update());
	}

	/** Accepted rows as CSV bytes for COPY. */
	private static final class Chunk {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
		private final int columns;
		private CsvWriter writer;
		private int size;

		Chunk(int columns) {
			this.columns = columns;
			clear();
		}

		void add(UUID job, int row, List<String> values) {
			if (values.size() != columns) {
				throw new IllegalStateException("handler staged " + values.size() + " values for " + columns + " columns");
			}
			var record = new ArrayList<String>(columns + 2);
			record.add(job.toString());
			record.add(Integer.toString(row));
			for (var v : values) {
				record.add(v == null ? "" : v);
			}
			writer.writeRecord(record);
			size++;
		}

		int size() {
			return size;
		}

		byte[] bytes() {
			try {
				writer.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return bytes.toByteArray();
		}

		void clear() {
			bytes.reset();
			writer = CsvWriter.builder().build(bytes, StandardCharsets.UTF_8);
			size = 0;
		}
	}
}
