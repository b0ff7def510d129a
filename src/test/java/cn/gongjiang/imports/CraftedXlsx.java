package cn.gongjiang.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;

/** Hostile and broken xlsx files, built in memory: a real workbook with one part swapped or its sizes forged. */
final class CraftedXlsx {

	private CraftedXlsx() {
	}

	/** A workbook of the given rows (the first is the header), as Excel would write it. */
	static byte[] of(List<List<String>> rows) throws IOException {
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "test", "1.0");
		var sheet = workbook.newWorksheet("Sheet1");
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				if (rows.get(r).get(c) != null) {
					sheet.value(r, c, rows.get(r).get(c));
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	/**
	 * The workbook with its shared-string table replaced by one string of {@code inflatedBytes} letters, while the zip's
	 * central directory claims the part holds {@code claimedSize} bytes: the small file a bomb is.
	 */
	static byte[] withSharedStringsOf(byte[] xlsx, long inflatedBytes, int claimedSize) throws IOException {
		var out = new ByteArrayOutputStream();
		var source = Files.createTempFile("crafted", ".xlsx");
		Files.write(source, xlsx);
		try (var original = new ZipFile(source.toFile()); var zip = new ZipOutputStream(out)) {
			zip.setLevel(1);
			for (var entry : Collections.list(original.entries())) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/sharedStrings.xml")) {
					zip.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>"
							.getBytes(StandardCharsets.US_ASCII));
					var letters = new byte[1 << 20];
					Arrays.fill(letters, (byte) 'a');
					for (long written = 0; written < inflatedBytes; written += letters.length) {
						zip.write(letters, 0, (int) Math.min(letters.length, inflatedBytes - written));
					}
					zip.write("</t></si></sst>".getBytes(StandardCharsets.US_ASCII));
				}
				else {
					try (var in = original.getInputStream(entry)) {
						in.transferTo(zip);
					}
				}
				zip.closeEntry();
			}
		}
		finally {
			Files.delete(source);
		}
		return claimSize(out.toByteArray(), "xl/sharedStrings.xml", claimedSize);
	}

	/** Writes {@code size} as the uncompressed size of {@code name} in the central directory. */
	static byte[] claimSize(byte[] zip, String name, int size) {
		var buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i + 46 < zip.length; i++) {
			if (buffer.getInt(i) == 0x02014b50) {
				var nameLength = buffer.getShort(i + 28) & 0xffff;
				var entryName = new String(zip, i + 46, nameLength, StandardCharsets.UTF_8);
				if (entryName.equals(name)) {
					buffer.putInt(i + 24, size);
				}
			}
		}
		return zip;
	}
}
