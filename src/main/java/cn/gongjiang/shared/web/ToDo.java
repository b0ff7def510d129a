package cn.gongjiang.shared.web;

import java.util.List;

import cn.gongjiang.shared.security.Actor;

/**
 * One line of a role's to-do list on its home page: what is waiting ({@code labelKey}, a message taking the count as
 * {0}), how many, and the page where it is done. {@code due} marks what has a deadline near; {@code detailKey} with
 * its arguments says more, such as the deadline itself.
 */
public record ToDo(String labelKey, long count, String link, String icon, boolean due, String detailKey,
		List<Object> detailArguments) {

	public static ToDo of(String labelKey, long count, String link, String icon) {
		return new ToDo(labelKey, count, link, icon, false, null, List.of());
	}

	public ToDo dueSoon() {
		return new ToDo(labelKey, count, link, icon, true, detailKey, detailArguments);
	}

	/** A line under the count, e.g. {@code todo.due-on} with the date. */
	public ToDo withDetail(String key, Object... arguments) {
		return new ToDo(labelKey, count, link, icon, due, key, List.of(arguments));
	}

	/**
	 * What a module contributes to the home page: the to-dos of this actor in its own work, only those with
	 * something waiting. Each feature module implements it in its web package; the console collects them all.
	 */
	public interface Source {

		List<ToDo> of(Actor actor);
	}
}
