package cn.gongjiang;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
@Modulithic(systemName = "Gongjiang 工匠", sharedModules = "shared")
public class GongjiangApplication {

	/** One clock for the whole platform, so that tests can move time (lockout, token expiry, 序时进度). */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	public static void main(String[] args) {
		if (java.util.Arrays.asList(args).contains("bench")) {
			// the bench command measures on a fresh throwaway database, on a free port, without demo data
			var benchArgs = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
					"--gongjiang.data-dir=target/bench-data", "--gongjiang.database.throwaway=true",
					"--gongjiang.demo=false", "--gongjiang.verify.rate-per-minute=1000000000"));
			benchArgs.addAll(java.util.Arrays.asList(args));
			args = benchArgs.toArray(String[]::new);
		}
		SpringApplication.run(GongjiangApplication.class, args);
	}
}
