package cn.gongjiang;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

import cn.gongjiang.shared.web.Formats;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Gongjiang 工匠", sharedModules = "shared")
public class GongjiangApplication {

	/**
	 * One clock for the whole platform, so that tests can move time (lockout, token expiry, 序时进度). Its day is
	 * Beijing's whatever zone the server keeps: on a UTC host "today" was yesterday until 08:00 in Zhejiang, so a form
	 * dated today was refused as future and a certificate of today was read as tomorrow's.
	 */
	@Bean
	Clock clock() {
		return Clock.system(Formats.BEIJING);
	}

	public static void main(String[] args) {
		if (Arrays.asList(args).contains("bench")) {
			// the bench command measures on a fresh throwaway database, on a free port, without demo data, over plain
			// HTTP on localhost (so its session cookie is not Secure)
			var options = commandOptions(args);
			var onData = options.stream().filter(o -> o.startsWith("--on-data=")).findFirst();
			var benchArgs = new ArrayList<>(List.of("--server.port=0", "--gongjiang.secure-cookie=false",
					"--gongjiang.verify.rate-per-minute=1000000000", "--gongjiang.bench.enabled=true"));
			// --on-data: the console measured on a database loaded before, kept as it is (demo mode as it was loaded,
			// since generate runs in it); else a fresh throwaway one without demo data
			benchArgs.addAll(onData.isPresent() ? List.of("--gongjiang.data-dir=" + onData.get().substring("--on-data=".length()))
					: List.of("--gongjiang.data-dir=target/bench-data", "--gongjiang.database.throwaway=true",
							"--gongjiang.demo=false"));
			benchArgs.addAll(options);
			args = benchArgs.toArray(String[]::new);
		}
		else if (Arrays.asList(args).contains("generate")) {
			// files only need the reference data: a throwaway database; --into-database loads the configured one
			var generateArgs = new ArrayList<>(List.of("--server.port=0"));
			if (!Arrays.asList(args).contains("--into-database")) {
				generateArgs.addAll(List.of("--gongjiang.data-dir=target/generate-data",
						"--gongjiang.database.throwaway=true", "--gongjiang.demo=false"));
			}
			generateArgs.addAll(commandOptions(args));
			args = generateArgs.toArray(String[]::new);
		}
		SpringApplication.run(GongjiangApplication.class, args);
	}

	/** A command's options as written on a terminal ({@code --scale small}) in Spring's form ({@code --scale=small}). */
	static List<String> commandOptions(String[] args) {
		var joined = new ArrayList<String>();
		for (int i = 0; i < args.length; i++) {
			var arg = args[i];
			if (arg.startsWith("--") && !arg.contains("=") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
				joined.add(arg + "=" + args[++i]);
			}
			else {
				joined.add(arg);
			}
		}
		return joined;
	}
}
