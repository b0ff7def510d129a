package cn.gongjiang.shared.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Links from a list page to itself with one thing changed (another page, another sort, an export of the same
 * filter), keeping every other filter the reader set. In every console model as {@code links}.
 */
public final class PageLinks {

	private static final List<String> POSITION = List.of("page", "after", "before");

	private final String path;
	private final MultiValueMap<String, String> parameters;

	private PageLinks(String path, MultiValueMap<String, String> parameters) {
		this.path = path;
		this.parameters = parameters;
	}

	public static PageLinks of(HttpServletRequest request) {
		var parameters = new LinkedMultiValueMap<String, String>();
		if ("GET".equals(request.getMethod())) {
			request.getParameterMap().forEach((name, values) -> {
				if (!name.equals("lang") && !name.equals("_csrf")) {
					for (var value : values) {
						if (value != null && !value.isEmpty()) {
							parameters.add(name, value);
						}
					}
				}
			});
		}
		return new PageLinks(request.getRequestURI(), parameters);
	}

	public String param(String name) {
		return parameters.getFirst(name);
	}

	/** The same list at page {@code number}. */
	public String page(int number) {
		var changed = copy();
		POSITION.forEach(changed::remove);
		if (number > 1) {
			changed.set("page", String.valueOf(number));
		}
		return build(path, changed);
	}

	/** The next or previous keyset page: {@code after} or {@code before} a cursor, numbered for the reader. */
	public String cursor(String direction, String cursor, int number) {
		var changed = copy();
		POSITION.forEach(changed::remove);
		changed.set(direction, cursor);
		changed.set("page", String.valueOf(number));
		return build(path, changed);
	}

	/** Sorted by {@code key}; again by the same key reverses the order. Back to the first page. */
	public String sort(String key) {
		var changed = copy();
		POSITION.forEach(changed::remove);
		changed.set("sort", key.equals(parameters.getFirst("sort")) ? "-" + key : key);
		return build(path, changed);
	}

	public boolean sortedBy(String key) {
		var sort = parameters.getFirst("sort");
		return key.equals(sort) || ("-" + key).equals(sort);
	}

	public boolean descending() {
		var sort = parameters.getFirst("sort");
		return sort != null && sort.startsWith("-");
	}

	/** The same filter on another path: the list's export. */
	public String to(String otherPath) {
		var changed = copy();
		POSITION.forEach(changed::remove);
		changed.remove("size");
		return build(otherPath, changed);
	}

	/** This page with one parameter set (or removed when {@code value} is null), back to the first page. */
	public String with(String name, Object value) {
		var changed = copy();
		POSITION.forEach(changed::remove);
		if (value == null || value.toString().isEmpty()) {
			changed.remove(name);
		}
		else {
			changed.set(name, value.toString());
		}
		return build(path, changed);
	}

	private MultiValueMap<String, String> copy() {
		var copy = new LinkedMultiValueMap<String, String>();
		parameters.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
		return copy;
	}

	private static String build(String path, MultiValueMap<String, String> parameters) {
		// the path comes already encoded from the request; only the query is built here
		return path + UriComponentsBuilder.newInstance().queryParams(parameters).encode().build().toUriString();
	}
}
