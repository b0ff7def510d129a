package cn.gongjiang;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Gongjiang 工匠", sharedModules = "shared")
public class GongjiangApplication {

	/** One clock for the whole platform, so that tests can move time (lockout, token expiry, 序时进度). */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	public static void main(String[] args) {
		SpringApplication.run(GongjiangApplication.class, args);
	}
}
