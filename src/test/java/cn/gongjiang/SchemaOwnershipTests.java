package cn.gongjiang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One owner per table (ADR 0002, issue 17): the SQL of a module names only its own schema, the schema named after it.
 * Read over the text: the string literals of {@code src/main/java/cn/gongjiang/<module>} (where its SQL is) and of
 * its Java migrations, and its SQL migrations in {@code db/migration/<module>}. A reference is a schema's relation as
 * its migrations create it ({@code registry.person}), so message keys ({@code "training.voucher-used"}) and Java
 * calls ({@code audit.record(...)}) are not mistaken for SQL.
 * <p>
 * Not checked, on purpose: {@code bench} and {@code demo} are tooling, not modules with data of their own: the bench
 * measures the real tables against raw baselines and the demo seeds and reads every module's tables to build its data
 * set. {@code database} owns no schema (it copies into tables its callers name). Flyway's history tables
 * ({@code flyway_schema_history_<module>}) and the event publication registry's {@code event_publication} live in
 * {@code public}, which no module owns.
 */
class SchemaOwnershipTests {

	private static final Path JAVA = Path.of("src/main/java/cn/gongjiang");
	private static final Path JAVA_MIGRATIONS = Path.of("src/main/java/db/migration");
	private static final Path SQL_MIGRATIONS = Path.of("src/main/resources/db/migration");
	private static final Set<String> TOOLING = Set.of("bench", "demo");

	/**
	 * Reads of another schema that stay, each with its reason: the archive's one handover of the lines other modules
	 * wrote into the registry before the archive was a module (registry V16 put them there for it), and a subsidy
	 * migration that has run on every installation (changing it would change its checksum).
	 */
	private static final Set<String> HANDED_OVER = Set.of("archive/V1__archive_schema.sql registry.archive_handover",
			"subsidy/V8__every_decision_has_a_county.sql registry.person_identity");

	/** A Java string that is SQL: a statement's keyword, or a table with its column list (a COPY target). */
	private static final Pattern SQL_LIKE = Pattern.compile(
			"(?i)\\b(select|insert|update|delete|from|join|into|truncate|alter|create|drop|returning|regclass)\\b"
					+ "|^\\s*[a-z_]+\\.[a-z_0-9]+\\s*\\(");
	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
	private static final Pattern STRING = Pattern.compile("\"((?:\\\\.|[^\"\\\\\\n])*)\"");
	private static final Pattern CREATED = Pattern.compile(
			"create\\s+(?:or\\s+replace\\s+)?(?:unique\\s+)?(?:materialized\\s+)?(?:table|view|index|sequence|function|type)"
					+ "\\s+(?:if\\s+not\\s+exists\\s+)?(?:\\w+\\s+on\\s+)?([a-z_]+)\\.([a-z_0-9]+)",
			Pattern.CASE_INSENSITIVE);

	@Test
	void noModulesSqlNamesAnotherModulesSchema() throws IOException {
		var relations = relations();
		assertThat(relations.keySet()).as("the schemas, one per module that has data")
				.contains("registry", "archive", "certification", "training", "subsidy", "enrolment", "targets");
		var violations = new ArrayList<String>();
		for (var module : modules()) {
			if (TOOLING.contains(module)) {
				continue;
			}
			for (var source : sources(module)) {
				for (var reference : references(source.text(), relations)) {
					var schema = reference.substring(0, reference.indexOf('.'));
					if (!schema.equals(module) && !HANDED_OVER.contains(source.name() + " " + reference)) {
						violations.add(source.name() + " names " + reference);
					}
				}
			}
		}
		assertThat(violations).as("SQL of one module naming another module's tables (ask its Java API instead)")
				.isEmpty();
	}

	/** The check itself finds what it must: a read of another schema in a string, not a message key or an action. */
	@Test
	void theCheckFindsAReadOfAnotherSchemaAndIgnoresMessageKeys() throws IOException {
		var relations = relations();
		var java = """
				var a = jdbc.sql("select region_path from registry.person_identity where id_number_index = :i");
				var b = new InvalidValueException("training.voucher-used");
				audit.record(actor, "registry.person", null);
				CsvCopy.copy(connection, csv, "registry.person_event (person_id, occurred_on, kind, detail, source)");
				""";
		var found = references(strings(java), relations);
		assertThat(found).containsExactlyInAnyOrder("registry.person_identity", "registry.person_event");
	}

	private record Source(String name, String text) {
	}

	private static List<String> modules() throws IOException {
		try (Stream<Path> dirs = Files.list(JAVA)) {
			return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	/** The module's SQL-bearing text: Java string literals and SQL migrations (comments dropped). */
	private static List<Source> sources(String module) throws IOException {
		var sources = new ArrayList<Source>();
		for (var root : List.of(JAVA.resolve(module), JAVA_MIGRATIONS.resolve(module))) {
			for (var file : files(root, ".java")) {
				sources.add(new Source(module + "/" + root.relativize(file), strings(Files.readString(file))));
			}
		}
		for (var file : files(SQL_MIGRATIONS.resolve(module), ".sql")) {
			sources.add(new Source(module + "/" + file.getFileName(),
					Files.readString(file).replaceAll("--[^\\n]*", "")));
		}
		return sources;
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

	private static String strings(String java) {
		var text = new StringBuilder();
		var blocks = TEXT_BLOCK.matcher(java);
		var rest = new StringBuilder();
		while (blocks.find()) {
			if (SQL_LIKE.matcher(blocks.group(1)).find()) {
				text.append(blocks.group(1)).append('\n');
			}
			blocks.appendReplacement(rest, "");
		}
		blocks.appendTail(rest);
		var strings = STRING.matcher(rest);
		while (strings.find()) {
			if (SQL_LIKE.matcher(strings.group(1)).find()) {
				text.append(strings.group(1)).append('\n');
			}
		}
		return text.toString();
	}

	/** Every schema's relations, as the migrations create them. */
	private static Map<String, Set<String>> relations() throws IOException {
		var relations = new HashMap<String, Set<String>>();
		for (var file : files(SQL_MIGRATIONS, ".sql")) {
			var created = CREATED.matcher(Files.readString(file));
			while (created.find()) {
				relations.computeIfAbsent(created.group(1).toLowerCase(), s -> new HashSet<>())
						.add(created.group(2).toLowerCase());
			}
		}
		// a schema is a module's even when only Java migrations fill it
		relations.keySet().removeIf(schema -> schema.equals("public") || schema.equals("pg_temp"));
		return relations;
	}

	private static Set<String> references(String text, Map<String, Set<String>> relations) {
		var found = new HashSet<String>();
		var reference = Pattern.compile("(?<![\\w.])(" + String.join("|", relations.keySet())
				+ ")\\.([a-z_0-9]+)(?![\\w.\\-])").matcher(text);
		while (reference.find()) {
			if (relations.get(reference.group(1)).contains(reference.group(2))) {
				found.add(reference.group(1) + "." + reference.group(2));
			}
		}
		return found;
	}
}
