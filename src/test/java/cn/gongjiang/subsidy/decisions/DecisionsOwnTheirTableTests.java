package cn.gongjiang.subsidy.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * SUB-3 (issue 17): {@code subsidy.decision} has one writer. Every insert and update of it is in {@link Decisions}, so
 * a decision's columns are written one way whoever decides (the rules, a claim's approval, an allowance's month), and
 * nothing outside subsidy's code works out again what the {@code decision_in_effect} view says is in effect.
 */
class DecisionsOwnTheirTableTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Pattern WRITES = Pattern.compile(
			"(insert\\s+into|update|delete\\s+from)\\s+subsidy\\.decision\\b(?!_)", Pattern.CASE_INSENSITIVE);

	/** The override logic of {@code decision_in_effect}: the newest override not lapsed, read from the table. */
	private static final Pattern OVERRIDE_IN_EFFECT = Pattern.compile(
			"from\\s+subsidy\\.override\\s+o\\s+where\\s+o\\.decision_id\\s*=\\s*d\\.id\\s+and\\s+not\\s+o\\.lapsed",
			Pattern.CASE_INSENSITIVE);

	@Test
	void onlyDecisionsInsertsOrUpdatesTheDecisionTable() throws IOException {
		try (var files = Files.walk(SOURCES)) {
			var writers = files.filter(f -> f.toString().endsWith(".java")).filter(f -> WRITES.matcher(read(f)).find())
					.map(f -> SOURCES.relativize(f).toString().replace('\\', '/')).toList();
			assertThat(writers).containsExactly("cn/gongjiang/subsidy/decisions/Decisions.java");
		}
	}

	@Test
	void thePaymentQueueReadsWhatIsInEffectFromTheView() {
		var assembly = read(SOURCES.resolve("cn/gongjiang/subsidy/payments/PaymentAssembly.java"));
		assertThat(assembly).contains("subsidy.decision_in_effect").contains("effective_outcome = 'GRANTED'");
		assertThat(OVERRIDE_IN_EFFECT.matcher(assembly).find()).as("assembly works out overrides itself").isFalse();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
