package cn.gongjiang.shared;

import java.util.Map;

/**
 * Which page of a list a reader asks for, sorted by a column from the list's whitelist (never a column name spliced
 * from the request). Page numbers start at 1; sizes are capped so no request reads a table whole.
 */
public record PageRequest(int number, int size, String sort, boolean descending) {

	public static final int DEFAULT_SIZE = 20;
	public static final int MAX_SIZE = 200;

	public PageRequest {
		number = Math.max(1, number);
		size = Math.min(Math.max(1, size), MAX_SIZE);
	}

	public static PageRequest first(int size) {
		return new PageRequest(1, size, null, false);
	}

	/**
	 * From request parameters: {@code page}, {@code size}, {@code sort} ({@code name} or {@code -name} for
	 * descending). A sort key outside {@code sortable} falls back to {@code defaultSort}.
	 */
	public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> sortable,
			String defaultSort) {
		var key = sort == null || sort.isBlank() ? defaultSort : sort.strip();
		var descending = key != null && key.startsWith("-");
		var column = key == null ? null : descending ? key.substring(1) : key;
		if (column != null && !sortable.containsKey(column)) {
			descending = defaultSort != null && defaultSort.startsWith("-");
			column = defaultSort == null ? null : defaultSort.replaceFirst("^-", "");
		}
		return new PageRequest(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size, column, descending);
	}

	public int offset() {
		return (number - 1) * size;
	}

	/** The ORDER BY clause for this request from the list's whitelist: SQL expressions keyed by sort name. */
	public String orderBy(Map<String, String> sortable, String tieBreaker) {
		var expression = sort == null ? null : sortable.get(sort);
		var direction = descending ? " desc" : " asc";
		if (expression == null) {
			return tieBreaker + direction;
		}
		return expression + direction + ", " + tieBreaker + direction;
	}
}
