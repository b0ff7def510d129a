package cn.gongjiang;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** The platform's own events, from whatever thread published them (imports run on a worker). */
@TestComponent
public class PublishedEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		if (event.getClass().getPackageName().startsWith("cn.gongjiang")) {
			events.add(event);
		}
	}

	public <T> Stream<T> of(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast);
	}
}
