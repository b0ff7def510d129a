package cn.gongjiang.imports;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A handler described once: its kind, its columns and its staging table, with what every staging table is asked (how
 * many rows a range holds, which rows repeat an earlier one's key) and the {@link RowCheck} of its columns. What is
 * left to each kind is its own: who may import it, its rules, the set-based checks over other records and the merge.
 */
public abstract class StagedImport implements ImportHandler {

	private final String kind;
	private final List<ImportColumn> columns;
	private final String stagingTable;
	private final List<String> stagingColumns;
	protected final JdbcClient jdbc;

	protected StagedImport(String kind, List<ImportColumn> columns, String stagingTable, List<String> stagingColumns,
			JdbcClient jdbc) {
		this.kind = kind;
		this.columns = List.copyOf(columns);
		this.stagingTable = stagingTable;
		this.stagingColumns = List.copyOf(stagingColumns);
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return kind;
	}

	@Override
	public List<ImportColumn> columns() {
		return columns;
	}

	@Override
	public String stagingTable() {
		return stagingTable;
	}

	@Override
	public List<String> stagingColumns() {
		return stagingColumns;
	}

	/** The check of this kind's columns: required cells, then the rules, their refusals as the row's errors. */
	protected RowCheck rowCheck() {
		return RowCheck.of(columns);
	}

	/** A statement over the job's staged rows {@code fromRow} to {@code toRow}, bound as :job, :from and :to. */
	protected JdbcClient.StatementSpec overRows(String sql, UUID job, int fromRow, int toRow) {
		return jdbc.sql(sql).param("job", job).param("from", fromRow).param("to", toRow);
	}

	/** How many rows of the job are staged from {@code fromRow} to {@code toRow}: a merge's accepted plus unchanged. */
	protected int staged(UUID job, int fromRow, int toRow) {
		return overRows("select count(*) from " + stagingTable
				+ " where job_id = :job and row_number between :from and :to", job, fromRow, toRow)
				.query(Integer.class).single();
	}

	/**
	 * Every staged row whose {@code key} (staged columns or expressions over them) an earlier row of the file has:
	 * {@code import.duplicate-in-file} in {@code column}, naming the first row, which is kept.
	 */
	protected List<RowError> duplicatesInFile(UUID job, String key, String column) {
		return jdbc.sql("""
				select row_number, first_row from (
				    select row_number, min(row_number) over (partition by %s) as first_row
				    from %s where job_id = :job
				) s where row_number <> first_row
				""".formatted(key, stagingTable)).param("job", job)
				.query((rs, i) -> RowError.of(rs.getInt(1), column, "duplicate-in-file", rs.getInt(2))).list();
	}
}
