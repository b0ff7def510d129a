package cn.gongjiang.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as the console and the API hand it out: the rows, how many there are in all, which page
 * this is. {@code totalExact} is false where counting every row would cost more than the page (then {@code total}
 * is a lower bound and the page says "more than"). {@code next} and {@code previous} are keyset cursors for tables
 * too large for offsets (null otherwise, or at the ends).
 */
public record Page<T>(List<T> items, long total, boolean totalExact, int number, int size, String next,
		String previous) {

	public Page {
		items = List.copyOf(items);
	}

	public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
		return new Page<>(items, total, true, request.number(), request.size(), null, null);
	}

	/** A page of a short list held whole in memory. */
	public static <T> Page<T> slice(List<T> all, PageRequest request) {
		var from = Math.min(request.offset(), all.size());
		var to = Math.min(from + request.size(), all.size());
		return of(all.subList(from, to), all.size(), request);
	}

	public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
		return new Page<>(items.stream().<R>map(mapping).toList(), total, totalExact, number, size, next, previous);
	}

	public int pages() {
		return size == 0 ? 1 : (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return keyset() ? previous != null : number > 1;
	}

	public boolean hasNext() {
		if (keyset()) {
			return next != null;
		}
		return totalExact ? number < pages() : items.size() == size;
	}

	public boolean keyset() {
		return next != null || previous != null;
	}

	/** The position of the first row on this page, counting from 1. */
	public long firstRow() {
		return items.isEmpty() ? 0 : (long) (number - 1) * size + 1;
	}

	public long lastRow() {
		return items.isEmpty() ? 0 : firstRow() + items.size() - 1;
	}
}
