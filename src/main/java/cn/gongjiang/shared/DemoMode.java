package cn.gongjiang.shared;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether this installation carries the demo data set and demo accounts: on by default with the embedded database,
 * off with an external one unless {@code --gongjiang.demo=true}. The demo password comes from
 * {@code GONGJIANG_DEMO_PASSWORD}.
 */
@Component
public class DemoMode {

	public static final String DEFAULT_PASSWORD = "Gongjiang@2026";

	private final boolean enabled;
	private final String password;

	public DemoMode(Environment environment) {
		var embedded = environment.getProperty("gongjiang.database.embedded", Boolean.class, false);
		this.enabled = environment.getProperty("gongjiang.demo", Boolean.class, embedded);
		this.password = environment.getProperty("gongjiang.demo.password", DEFAULT_PASSWORD);
	}

	public boolean enabled() {
		return enabled;
	}

	public String password() {
		return password;
	}
}
