package cn.gongjiang.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What an xlsx may expand to before it is read. An xlsx is a zip: a 1 MB file can inflate to gigabytes. A crafted file
 * once took the heap from 0.75 to 5.5 GB when the reader kept the shared strings in memory; they now go to a temporary
 * file, so these limits bound the disk and the time a file may take. The zip's central directory states each part's
 * size, but sizes can lie, so every part is also inflated once here, counting the bytes that actually come out and the
 * shared strings, and refused at the first byte past a limit. Defaults allow a full sheet of persons (1,048,576 rows:
 * about 270 MB of sheet and 170 MB of shared strings).
 *
 * @param maxEntries parts of the zip (a workbook has about ten)
 * @param maxEntrySize inflated bytes of any one part
 * @param maxUncompressed inflated bytes of all parts together
 * @param maxSharedStringsSize inflated bytes of {@code sharedStrings.xml}
 * @param maxSharedStrings strings in the shared-string table (each costs a temporary-file entry even when empty)
 */
record XlsxLimits(int maxEntries, long maxEntrySize, long maxUncompressed, long maxSharedStringsSize,
		long maxSharedStrings) {

	static final XlsxLimits DEFAULTS = new XlsxLimits(1_000, 512L << 20, 768L << 20, 256L << 20, 5_000_000);

	private static final String SHARED_STRINGS = "sharedStrings.xml";

	/** Refuses a file beyond a limit ({@code import.file.too-large}) or not a readable zip ({@code import.file.unreadable}). */
	void check(Path file) {
		try (var zip = new ZipFile(file.toFile())) {
			if (zip.size() > maxEntries) {
				throw tooLarge(zip.size() + " parts");
			}
			var declared = 0L;
			for (var entries = zip.entries(); entries.hasMoreElements();) {
				var entry = entries.nextElement();
				if (entry.getSize() > limitOf(entry)) {
					throw tooLarge(entry.getName());
				}
				declared += Math.max(0, entry.getSize());
			}
			if (declared > maxUncompressed) {
				throw tooLarge("total");
			}
			var inflated = 0L;
			for (var entries = zip.entries(); entries.hasMoreElements();) {
				var entry = entries.nextElement();
				inflated += inflate(zip, entry, maxUncompressed - inflated);
			}
		}
		catch (IOException e) {
			// not a zip, cut short, or a part that does not inflate
			throw new ImportRefusedException("import.file.unreadable");
		}
	}

	private long limitOf(ZipEntry entry) {
		return entry.getName().endsWith(SHARED_STRINGS) ? Math.min(maxEntrySize, maxSharedStringsSize) : maxEntrySize;
	}

	/** Inflates one part into nothing, counting; refuses it at the first byte over its own or the remaining total limit. */
	private long inflate(ZipFile zip, ZipEntry entry, long remaining) throws IOException {
		var limit = Math.min(limitOf(entry), remaining);
		var strings = entry.getName().endsWith(SHARED_STRINGS) ? new StringCounter() : null;
		var buffer = new byte[64 * 1024];
		var count = 0L;
		try (InputStream in = zip.getInputStream(entry)) {
			for (int n; (n = in.read(buffer)) > 0;) {
				count += n;
				if (count > limit) {
					throw tooLarge(count > limitOf(entry) ? entry.getName() : "total");
				}
				if (strings != null && strings.add(buffer, n) > maxSharedStrings) {
					throw tooLarge(entry.getName());
				}
			}
		}
		return count;
	}

	private static ImportRefusedException tooLarge(String what) {
		return new ImportRefusedException("import.file.too-large", what);
	}

	/** Counts {@code <si>} elements (one per shared string) across buffer boundaries, without parsing the XML. */
	private static final class StringCounter {

		private static final byte[] TAG = "<si".getBytes(StandardCharsets.US_ASCII);
		private int matched;
		private long count;

		long add(byte[] bytes, int length) {
			for (int i = 0; i < length; i++) {
				var b = bytes[i];
				if (matched == TAG.length) {
					if (b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
						count++;
					}
					matched = 0;
				}
				if (b == TAG[matched]) {
					matched++;
				}
				else {
					matched = b == TAG[0] ? 1 : 0;
				}
			}
			return count;
		}
	}
}
