package cn.gongjiang.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

import jakarta.annotation.PreDestroy;

/**
 * Runs one import job through the pipeline: read and check each row, {@code COPY} accepted rows into the handler's
 * staging table in chunks, run the set-based checks, merge in chunks of row numbers, record every refused row.
 * Reading and checking (Java) run on the job's thread while a writer thread does the database's part, chunk after
 * chunk in file order, so the two overlap on two cores. For a handler whose set-based checks look only at earlier rows
 * ({@link ImportHandler#checksEarlierRowsOnly}) the writer also checks and merges each range of rows as soon as it is
 * staged; otherwise it merges after the whole file is staged and checked. A handler that keys its staging
 * ({@link ImportHandler#keyColumn}) has only its keys staged and merges each range from the rows read, so that they
 * reach the database once. Memory stays constant: at most three chunks of rows at a time (one being read, two waiting
 * for the writer), and for a keyed handler the rows of one merge range besides.
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
	/** Chunks read ahead of the writer; beyond that the reader waits. */
	private static final int READ_AHEAD = 2;
	/** Rows merged per transaction; a test makes it small to stop a merge between two committed chunks. */
	private volatile int mergeChunk = MERGE_CHUNK;
	/** The database side of the job that runs (jobs run one at a time, see {@link BulkImport}). */
	private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
		var thread = new Thread(r, "import-writer");
		thread.setDaemon(true);
		return thread;
	});
	/**
	 * Merges the ranges the writer has checked, on a second connection, while the writer stages and checks the next:
	 * two backends at work instead of one waiting for the other.
	 */
	private final ExecutorService mergerThread = Executors.newSingleThreadExecutor(r -> {
		var thread = new Thread(r, "import-merger");
		thread.setDaemon(true);
		return thread;
	});
	/** Checked ranges waiting for the merger; beyond that the writer waits. */
	private static final int MERGES_AHEAD = 1;

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
		if (handler.keyColumn() != null && !handler.checksEarlierRowsOnly()) {
			// its rows wait in memory for their range: the whole file would have to
			throw new IllegalStateException(handler.kind() + " keys its staging but checks the whole file at once");
		}
		transactions.executeWithoutResult(tx -> jobs.start(id, clock.instant()));
		try {
			if (namedXlsx(job.fileName()) && !"XLSX".equals(job.fileFormat())) {
				throw new ImportRefusedException("import.file.unreadable");
			}
			var started = System.nanoTime();
			jobs.total(id, countRows(id));
			clearStaging(handler, id);
			var merger = new Merger(id, handler, actor);
			var reading = System.nanoTime();
			readAndStage(id, handler, actor, merger);
			if (!handler.checksEarlierRowsOnly()) {
				var checking = System.nanoTime();
				rejectStaged(id, handler, handler.checkStaged(id));
				merger.checking += System.nanoTime() - checking;
				merger.all();
			}
			var merged = System.nanoTime();
			clearStaging(handler, id);
			log.info("Import {} ({}): {} ms; counting {} ms, reading and checking {} ms ({} ms waiting for the writer),"
					+ " COPY to staging {} ms, set-based checks {} ms, merging {} ms, clearing staging {} ms", id,
					job.kind(), millis(System.nanoTime() - started), millis(reading - started), millis(merged - reading),
					millis(merger.waited), millis(merger.copying), millis(merger.checking), millis(merger.merging),
					millis(System.nanoTime() - merged));
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
		var count = files.count(id);
		if (count.rows() == 0 || !count.header()) {
			throw new ImportRefusedException("import.file.empty");
		}
		return count.rows();
	}

	private void readAndStage(UUID id, ImportHandler handler, Actor actor, Merger merger) throws IOException {
		try (var file = files.open(id); var staging = new Staging(merger)) {
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
			var chunk = new Chunk(handler);
			var errors = new ArrayList<RowError>();
			var processed = 0;
			var lastRow = 0;
			for (var rows = file.rows(); rows.hasNext();) {
				var line = rows.next();
				processed++;
				lastRow = line.number();
				var undecodable = line.undecodableCell();
				if (undecodable >= 0) {
					// one damaged row of a UTF-8 file is reported as such; the other rows go on
					var column = undecodable < header.size() && !header.get(undecodable).isEmpty()
							? header.get(undecodable) : null;
					errors.add(RowError.of(line.number(), column, "encoding", line.number(), charsetName(file)));
				}
				else {
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
				}
				if (processed % COPY_CHUNK == 0) {
					staging.write(chunk, errors, processed, lastRow, false);
					chunk = new Chunk(handler);
					errors = new ArrayList<>();
				}
			}
			staging.write(chunk, errors, processed, lastRow, true);
			staging.finish();
		}
	}

	private static String charsetName(TabularFile file) {
		return file.charset() == null ? "xlsx" : file.charset() == TabularFile.GBK ? "GBK" : file.charset().name();
	}

	/**
	 * The chunks of one job on their way to the writer thread, in the order they were read. A chunk that fails stops
	 * the ones behind it, and the failure comes back to the reader.
	 */
	private final class Staging implements AutoCloseable {

		private final Merger merger;
		private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();
		private volatile boolean failed;

		Staging(Merger merger) {
			this.merger = merger;
		}

		/** Hands a chunk to the writer: COPY its rows, record its errors and, where it may, merge what is staged. */
		void write(Chunk chunk, List<RowError> errors, int processed, int lastRow, boolean last) {
			var bytes = chunk.size() > 0 ? chunk.bytes() : null;
			var rows = chunk.rows();
			pending.add(writer.submit(() -> {
				if (failed) {
					return;
				}
				try {
					var started = System.nanoTime();
					transactions.executeWithoutResult(tx -> {
						if (bytes != null) {
							copy(merger.handler, bytes);
						}
						jobs.addErrors(merger.id, errors);
						jobs.processed(merger.id, processed);
					});
					merger.copying += System.nanoTime() - started;
					merger.held.addAll(rows);
					if (merger.handler.checksEarlierRowsOnly()) {
						merger.upTo(lastRow, last);
					}
				}
				catch (RuntimeException | Error e) {
					failed = true;
					throw e;
				}
			}));
			while (pending.size() > READ_AHEAD) {
				await(pending.poll());
			}
		}

		/** Waits for every chunk handed over. */
		void finish() {
			while (!pending.isEmpty()) {
				await(pending.poll());
			}
		}

		private void await(Future<?> task) {
			var started = System.nanoTime();
			try {
				join(task);
			}
			finally {
				merger.waited += System.nanoTime() - started;
			}
		}

		/** After a failure on either side: nothing of this job may still be written once the job is marked failed. */
		@Override
		public void close() {
			failed = failed || !pending.isEmpty();
			try {
				drainQuietly(pending);
			}
			finally {
				merger.drain(failed);
			}
		}

	}

	/** Waits for every task handed over after a failure; the first failure is what the reader reports. */
	private static void drainQuietly(ArrayDeque<Future<?>> tasks) {
		while (!tasks.isEmpty()) {
			try {
				tasks.poll().get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException e) {
				// reported by whoever joined the first failed task
			}
		}
	}

	/** Waits for a task of the job and rethrows what it failed with. */
	private static void join(Future<?> task) {
		try {
			task.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the import's database work", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			if (e.getCause() instanceof Error r) {
				throw r;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	private void copy(ImportHandler handler, byte[] csv) {
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			var columns = handler.keyColumn() != null ? handler.keyColumn() : String.join(", ", handler.stagingColumns());
			CsvCopy.copy(connection, new ByteArrayInputStream(csv), handler.stagingTable() + " (job_id, row_number, "
					+ columns + ")", false);
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY into " + handler.stagingTable() + " failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private void rejectStaged(UUID id, ImportHandler handler, List<RowError> errors) {
		transactions.executeWithoutResult(tx -> {
			jobs.addErrors(id, errors);
			var rows = errors.stream().map(RowError::row).distinct().toArray(Integer[]::new);
			if (rows.length > 0) {
				jdbc.sql("delete from " + handler.stagingTable() + " where job_id = :job and row_number = any(:rows)")
						.param("job", id).param("rows", rows).update();
			}
		});
	}

	/**
	 * Merges staged rows in consecutive ranges of row numbers, one transaction each, and keeps the job's counts. On the
	 * writer thread while the file is read (ranges checked as they come), or after the whole file is staged.
	 */
	private final class Merger {

		final UUID id;
		final ImportHandler handler;
		final Actor actor;
		private final int chunk = mergeChunk;
		/** The last row number merged (the header is row 1). */
		private int mergedUpTo = 1;
		private MergeCounts counts = new MergeCounts(0, 0);
		private int applied;
		/** For a handler that keys its staging: the accepted rows not merged yet, in file order. */
		final ArrayDeque<StagedRows.Row> held = new ArrayDeque<>();
		/** Ranges handed to the merger thread, oldest first. */
		private final ArrayDeque<Future<?>> merges = new ArrayDeque<>();
		private volatile boolean stopped;
		long waited, copying, checking, merging;

		Merger(UUID id, ImportHandler handler, Actor actor) {
			this.id = id;
			this.handler = handler;
			this.actor = actor;
		}

		/**
		 * Checks every whole range up to {@code lastRow}, the rest too when {@code all}, and hands each to the merger
		 * thread; rows up to it are staged. With {@code all} it waits until every range is merged.
		 */
		void upTo(int lastRow, boolean all) {
			while (lastRow - mergedUpTo >= chunk || all && mergedUpTo < lastRow) {
				var to = Math.min(lastRow, mergedUpTo + chunk);
				range(mergedUpTo + 1, to, true);
				mergedUpTo = to;
			}
			if (all) {
				while (!merges.isEmpty()) {
					join(merges.poll());
				}
			}
		}

		/** After a failure: no range merges any more; waits for the one that may be running. */
		void drain(boolean failed) {
			stopped = stopped || failed;
			drainQuietly(merges);
		}

		/** After the whole file is staged and checked: every staged row. */
		void all() {
			var range = jdbc.sql("select min(row_number), max(row_number), count(*) from " + handler.stagingTable()
					+ " where job_id = :job").param("job", id)
					.query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) }).single();
			if (range[2] == 0) {
				return;
			}
			for (int from = range[0]; from <= range[1]; from += chunk) {
				range(from, Math.min(range[1], from + chunk - 1), false);
			}
		}

		private void range(int from, int to, boolean check) {
			var started = System.nanoTime();
			Set<Integer> rejected = Set.of();
			if (check) {
				var errors = handler.checkStaged(id, from, to);
				rejectStaged(id, handler, errors);
				rejected = errors.stream().map(RowError::row).collect(Collectors.toSet());
				checking += System.nanoTime() - started;
			}
			var rows = new ArrayList<StagedRows.Row>();
			while (!held.isEmpty() && held.peek().number() <= to) {
				var row = held.poll();
				if (!rejected.contains(row.number())) {
					rows.add(row);
				}
			}
			var staged = new StagedRows(rows);
			if (!check) {
				merge(from, to, staged);
				return;
			}
			merges.add(mergerThread.submit(() -> {
				if (stopped) {
					return;
				}
				try {
					merge(from, to, staged);
				}
				catch (RuntimeException | Error e) {
					stopped = true; // the ranges after it must not merge: a restart takes the job up from here
					throw e;
				}
			}));
			while (merges.size() > MERGES_AHEAD) {
				join(merges.poll());
			}
		}

		/** One range, in its own transaction; ranges merge one after the other, in file order. */
		private void merge(int from, int to, StagedRows staged) {
			var merging = System.nanoTime();
			var chunkCounts = transactions.execute(tx -> handler.merge(id, from, to, actor, staged));
			counts = counts.plus(chunkCounts);
			applied += chunkCounts.accepted() + chunkCounts.unchanged();
			transactions.executeWithoutResult(tx -> jobs.applied(id, applied, counts));
			this.merging += System.nanoTime() - merging;
		}
	}

	private static long millis(long nanos) {
		return nanos / 1_000_000;
	}

	private void clearStaging(ImportHandler handler, UUID id) {
		transactions.executeWithoutResult(tx -> jdbc.sql("delete from " + handler.stagingTable()
				+ " where job_id = :job").param("job", id).update());
	}

	@PreDestroy
	void stop() {
		writer.shutdownNow();
		mergerThread.shutdownNow();
	}

	/**
	 * Accepted rows as CSV bytes for COPY into staging: every staged column, or for a handler that keys its staging
	 * only the key, the rows themselves then kept for its merge.
	 */
	private static final class Chunk {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
		private final int columns;
		/** The key's position among the staged values, or -1 when every column is staged. */
		private final int key;
		private final List<StagedRows.Row> rows = new ArrayList<>();
		private CsvWriter writer;
		private int size;

		Chunk(ImportHandler handler) {
			this.columns = handler.stagingColumns().size();
			this.key = handler.keyColumn() == null ? -1 : handler.stagingColumns().indexOf(handler.keyColumn());
			if (handler.keyColumn() != null && key < 0) {
				throw new IllegalStateException(handler.kind() + ": key " + handler.keyColumn() + " is not staged");
			}
			clear();
		}

		void add(UUID job, int row, List<String> values) {
			if (values.size() != columns) {
				throw new IllegalStateException("handler staged " + values.size() + " values for " + columns + " columns");
			}
			var record = new ArrayList<String>(columns + 2);
			record.add(job.toString());
			record.add(Integer.toString(row));
			if (key >= 0) {
				record.add(values.get(key));
				rows.add(new StagedRows.Row(row, values));
			}
			else {
				for (var v : values) {
					record.add(v == null ? "" : v);
				}
			}
			writer.writeRecord(record);
			size++;
		}

		int size() {
			return size;
		}

		/** The rows a keyed handler merges from (empty otherwise). */
		List<StagedRows.Row> rows() {
			return rows;
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
			rows.clear();
			size = 0;
		}
	}
}
