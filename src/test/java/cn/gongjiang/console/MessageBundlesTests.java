package cn.gongjiang.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The console's words come from bundles merged into one message source: a key defined twice (in one file, or in two
 * modules' files) silently replaces the other's words — a column header once read "{0} 至 {1}". Each key once per
 * language, and each language with the same keys.
 */
class MessageBundlesTests {

	static final Path BUNDLES = Path.of("src/main/resources/i18n");

	/** Every key of a language, with the files and lines that define it. */
	Map<String, List<String>> keys(String language) throws IOException {
		var found = new HashMap<String, List<String>>();
		try (var files = Files.list(BUNDLES)) {
			for (var file : files.filter(f -> f.getFileName().toString().endsWith("_" + language + ".properties"))
					.sorted().toList()) {
				var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					var line = lines.get(i).strip();
					if (line.isEmpty() || line.startsWith("#") || line.startsWith("!") || !line.contains("=")) {
						continue;
					}
					found.computeIfAbsent(line.substring(0, line.indexOf('=')).strip(), k -> new ArrayList<>())
							.add(file.getFileName() + ":" + (i + 1));
				}
			}
		}
		return found;
	}

	@Test
	void noKeyIsDefinedTwiceInALanguage() throws IOException {
		for (var language : new String[] { "zh_CN", "en" }) {
			var twice = keys(language).entrySet().stream().filter(e -> e.getValue().size() > 1)
					.map(e -> e.getKey() + " " + e.getValue()).sorted().collect(Collectors.toList());
			assertThat(twice).as(language).isEmpty();
		}
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		var chinese = keys("zh_CN").keySet();
		var english = keys("en").keySet();
		assertThat(chinese.stream().filter(k -> !english.contains(k)).sorted().toList()).as("missing in English").isEmpty();
		// a key that is itself a Chinese term (region.kind.县级市) is shown as is in Chinese and translated in English
		assertThat(english.stream().filter(k -> !chinese.contains(k)).filter(k -> !k.matches(".*\\p{IsHan}.*")).sorted()
				.toList()).as("missing in Chinese").isEmpty();
	}
}
