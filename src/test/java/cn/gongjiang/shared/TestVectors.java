package cn.gongjiang.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;

/** Reads a CSV of test vectors from the test classpath, header skipped. */
final class TestVectors {

	private TestVectors() {
	}

	static Stream<List<String>> read(String resource) {
		try (var in = TestVectors.class.getClassLoader().getResourceAsStream(resource);
				var reader = CsvReader.builder().ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.stream().skip(1).map(r -> r.getFields()).toList().stream();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
