package cn.gongjiang.imports;

import java.util.List;
import java.util.UUID;

import cn.gongjiang.shared.security.Actor;

/**
 * What a feature module contributes to bulk import for one kind of file. The pipeline calls, in order:
 * {@link #checker} once and its checker for every row (in Java: formats, check digits, codes, scope), {@link #checkStaged} once after all
 * accepted rows are in the staging table (set-based: duplicates in the file, conflicts with existing records), and
 * {@link #merge} for consecutive ranges of row numbers, each in its own transaction. Merging must be idempotent: the
 * same file twice changes nothing the second time.
 */
public interface ImportHandler {

	/** The kind in URLs: {@code persons}, {@code certificates} … */
	String kind();

	/** The columns of the file, in template order. */
	List<ImportColumn> columns();

	/** Whether this actor may import this kind at all (row-level scope is checked per row). */
	boolean mayImport(Actor actor);

	/** The staging table, schema-qualified, with {@code job_id uuid, row_number int} and then the staged columns. */
	String stagingTable();

	/** The staged columns, in the order the checker returns values. */
	List<String> stagingColumns();

	/** Starts checking one file's rows for this actor; the checker may hold reference data for the whole file. */
	RowChecker checker(Actor actor);

	/** Checks one row and returns what to stage or why it is refused. */
	@FunctionalInterface
	interface RowChecker {
		CheckedRow check(ImportRow row);
	}

	/** Set-based checks over the staged rows of the job; the pipeline removes the rows it returns errors for. */
	List<RowError> checkStaged(UUID job);

	/**
	 * Whether the set-based checks judge a row by itself and the rows before it alone (as "the same key in an earlier
	 * row"), so that the pipeline may check and merge each range of rows with {@link #checkStaged(UUID, int, int)} as
	 * soon as it is staged, while later rows are still being read. Otherwise the whole file is staged first.
	 */
	default boolean checksEarlierRowsOnly() {
		return false;
	}

	/**
	 * The set-based checks of the staged rows {@code fromRow..toRow} against each other and the rows staged before them;
	 * all rows up to {@code toRow} are staged. Only called when {@link #checksEarlierRowsOnly()}.
	 */
	default List<RowError> checkStaged(UUID job, int fromRow, int toRow) {
		throw new UnsupportedOperationException(kind() + " checks the whole file at once");
	}

	MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor);

	/**
	 * The staged column that keys a record, for a handler that writes its new records straight from the rows read
	 * every row reaches the database once): the pipeline then copies only {@code job_id, row_number} and this
	 * column into {@link #stagingTable()}, for the set-based checks, and hands each range's accepted rows to
	 * {@link #merge(UUID, int, int, Actor, StagedRows)}. Null (the default) stages every column. Only for handlers
	 * whose checks look at earlier rows only ({@link #checksEarlierRowsOnly()}): the rows wait in memory for their range.
	 */
	default String keyColumn() {
		return null;
	}

	/**
	 * Merges the range {@code fromRow..toRow} from its accepted rows when {@link #keyColumn()} is set; a handler that
	 * stages every column merges from its staging table and needs no rows.
	 */
	default MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor, StagedRows rows) {
		return merge(job, fromRow, toRow, actor);
	}
}
