package cn.gongjiang.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.Violation;

/** Import jobs and their errors. */
@Repository
class ImportJobs {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;

	ImportJobs(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	void create(UUID id, String kind, String fileName, String format, String sha256, String uploadedBy,
			String actorJson) {
		jdbc.sql("""
				insert into imports.import_job (id, kind, status, file_name, file_format, file_sha256, uploaded_by, actor)
				values (:id, :kind, 'QUEUED', :name, :format, :sha, :by, :actor)
				""").param("id", id).param("kind", kind).param("name", fileName).param("format", format)
				.param("sha", sha256).param("by", uploadedBy).param("actor", actorJson).update();
	}

	String actorJson(UUID id) {
		return jdbc.sql("select actor from imports.import_job where id = :id").param("id", id).query(String.class)
				.single();
	}

	Optional<ImportJob> find(UUID id) {
		return jdbc.sql("select * from imports.import_job where id = :id").param("id", id).query(ImportJobs::map)
				.optional();
	}

	List<ImportJob> recent(String uploadedBy, int limit) {
		return jdbc.sql("select * from imports.import_job where uploaded_by = :by order by uploaded_at desc limit :limit")
				.param("by", uploadedBy).param("limit", limit).query(ImportJobs::map).list();
	}

	/** Sort keys of the jobs list and the expressions they order by. */
	static final Map<String, String> SORTS = Map.of("uploaded", "uploaded_at", "file", "file_name", "kind", "kind",
			"status", "status", "rejected", "rejected_rows");

	/** One uploader's jobs, filtered and paged; an uploader has hundreds at most, so they are counted exactly. */
	Page<ImportJob> page(String uploadedBy, ImportJobQuery query, PageRequest request) {
		var where = """
				from imports.import_job
				where uploaded_by = :by
				  and (cast(:kind as text) is null or kind = :kind)
				  and (cast(:status as text) is null or status = :status)
				  and (cast(:file as text) is null or file_name ilike '%' || :file || '%')
				""";
		var status = query.status() == null ? null : query.status().name();
		var file = query.fileName() == null || query.fileName().isBlank() ? null
				: query.fileName().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		var total = jdbc.sql("select count(*) " + where).param("by", uploadedBy).param("kind", query.kind())
				.param("status", status).param("file", file).query(Long.class).single();
		var items = jdbc.sql("select * " + where + " order by " + request.orderBy(SORTS, "id")
				+ " limit :size offset :offset").param("by", uploadedBy).param("kind", query.kind())
				.param("status", status).param("file", file).param("size", request.size())
				.param("offset", request.offset()).query(ImportJobs::map).list();
		return Page.of(items, total, request);
	}

	/** Jobs a stopped process left behind: they are run again from the start (merging is idempotent). */
	List<UUID> unfinished() {
		return jdbc.sql("select id from imports.import_job where status in ('QUEUED', 'RUNNING') order by uploaded_at")
				.query(UUID.class).list();
	}

	/** How many times the job was started; a start that the process did not survive counts too. */
	int attempts(UUID id) {
		return jdbc.sql("select attempts from imports.import_job where id = :id").param("id", id)
				.query(Integer.class).single();
	}

	/** Starts (or restarts) a job: forgets what an interrupted attempt recorded. */
	void start(UUID id, Instant at) {
		jdbc.sql("delete from imports.import_error where job_id = :id").param("id", id).update();
		jdbc.sql("""
				update imports.import_job set status = 'RUNNING', started_at = :at, finished_at = null, total_rows = 0,
				    processed_rows = 0, applied_rows = 0, accepted_rows = 0, rejected_rows = 0, unchanged_rows = 0,
				    failure_code = null, failure_detail = null, ignored_columns = '{}', attempts = attempts + 1
				where id = :id
				""").param("id", id).param("at", Timestamp.from(at)).update();
	}

	void ignoredColumns(UUID id, List<String> headers) {
		jdbc.sql("update imports.import_job set ignored_columns = :headers where id = :id")
				.param("headers", headers.toArray(String[]::new)).param("id", id).update();
	}

	void total(UUID id, int total) {
		jdbc.sql("update imports.import_job set total_rows = :total where id = :id").param("id", id)
				.param("total", total).update();
	}

	void processed(UUID id, int processed) {
		jdbc.sql("update imports.import_job set processed_rows = :n where id = :id").param("id", id)
				.param("n", processed).update();
	}

	void applied(UUID id, int applied, MergeCounts counts) {
		jdbc.sql("""
				update imports.import_job set applied_rows = :applied, accepted_rows = :accepted,
				    unchanged_rows = :unchanged
				where id = :id
				""").param("id", id).param("applied", applied).param("accepted", counts.accepted())
				.param("unchanged", counts.unchanged()).update();
	}

	void finish(UUID id, Instant at) {
		jdbc.sql("""
				update imports.import_job set status = 'DONE', finished_at = :at,
				    rejected_rows = (select count(distinct row_number) from imports.import_error where job_id = :id)
				where id = :id
				""").param("id", id).param("at", Timestamp.from(at)).update();
	}

	void fail(UUID id, String code, String detail, Instant at) {
		jdbc.sql("""
				update imports.import_job set status = 'FAILED', failure_code = :code, failure_detail = :detail,
				    finished_at = :at
				where id = :id
				""").param("id", id).param("code", code).param("detail", detail).param("at", Timestamp.from(at)).update();
	}

	void addErrors(UUID job, List<RowError> errors) {
		if (errors.isEmpty()) {
			return;
		}
		var batch = errors.stream().map(e -> new MapSqlParameterSource().addValue("job", job)
				.addValue("row", e.row()).addValue("column", e.violation().field())
				.addValue("code", e.violation().code())
				.addValue("arguments", e.violation().arguments().stream().map(String::valueOf).toArray(String[]::new)))
				.toArray(MapSqlParameterSource[]::new);
		named.batchUpdate("""
				insert into imports.import_error (job_id, row_number, column_name, code, arguments)
				values (:job, :row, :column, :code, :arguments)
				""", batch);
	}

	List<RowError> errors(UUID job, int limit) {
		return jdbc.sql("""
				select row_number, column_name, code, arguments from imports.import_error where job_id = :job
				order by row_number, column_name limit :limit
				""").param("job", job).param("limit", limit)
				.query(ImportJobs::error).list();
	}

	/** A stored row error: row_number, column_name, code, arguments. */
	static RowError error(ResultSet rs, int row) throws SQLException {
		return new RowError(rs.getInt(1), new Violation(rs.getString(2), rs.getString(3),
				List.of((Object[]) rs.getArray(4).getArray())));
	}

	private static ImportJob map(ResultSet rs, int row) throws SQLException {
		return new ImportJob(rs.getObject("id", UUID.class), rs.getString("kind"),
				ImportStatus.valueOf(rs.getString("status")), rs.getString("file_name"), rs.getString("file_format"),
				rs.getString("uploaded_by"), instant(rs, "uploaded_at"), instant(rs, "started_at"),
				instant(rs, "finished_at"), rs.getInt("total_rows"), rs.getInt("processed_rows"),
				rs.getInt("applied_rows"), rs.getInt("accepted_rows"), rs.getInt("rejected_rows"),
				rs.getInt("unchanged_rows"), rs.getString("failure_code"), rs.getString("failure_detail"),
				List.of((String[]) rs.getArray("ignored_columns").getArray()));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
