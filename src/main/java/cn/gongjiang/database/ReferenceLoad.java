package cn.gongjiang.database;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway migration that loads a reference list kept as CSV in resources/reference: the file is copied into a
 * temporary table shaped like it, then one set-based insert turns its rows into the module's table. Its checksum is
 * the file's, so that a corrected list is noticed.
 */
public abstract class ReferenceLoad extends BaseJavaMigration {

	private final String csv;
	private final String sourceTable;
	private final String sourceColumns;
	private final String insert;

	/**
	 * @param sourceColumns the file's columns in order, as a column list of the temporary table
	 * @param insert the statement that reads {@code sourceTable} into the module's table
	 */
	protected ReferenceLoad(String csv, String sourceTable, String sourceColumns, String insert) {
		this.csv = csv;
		this.sourceTable = sourceTable;
		this.sourceColumns = sourceColumns;
		this.insert = insert;
	}

	@Override
	public Integer getChecksum() {
		return CsvCopy.checksum(csv);
	}

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		try (var statement = connection.createStatement()) {
			statement.execute("create temporary table " + sourceTable + " (" + sourceColumns + ") on commit drop");
			CsvCopy.copyResource(connection, csv, sourceTable);
			statement.execute(insert);
		}
	}
}
