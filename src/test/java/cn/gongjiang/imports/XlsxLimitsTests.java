package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** X-2 (issue 19): an xlsx is refused before it is read when it would expand beyond what an import may hold. */
class XlsxLimitsTests {

	static final XlsxLimits SMALL = new XlsxLimits(20, 1 << 20, 2 << 20, 256 << 10, 1_000);

	@TempDir
	Path folder;

	@Test
	void anOrdinaryWorkbookPasses() throws IOException {
		SMALL.check(file(CraftedXlsx.of(List.of(List.of("姓名", "身份证号"), List.of("张三", "330602198801014428")))));
	}

	@Test
	void sharedStringsInflatingPastTheirLimitAreRefusedEvenWhenTheDirectoryUnderstatesThem() throws IOException {
		var bomb = CraftedXlsx.withSharedStringsOf(CraftedXlsx.of(List.of(List.of("姓名"))), 10 << 20, 100);
		assertThat(bomb.length).isLessThan(200_000);
		assertRefused(bomb, "import.file.too-large");
	}

	@Test
	void aPartWhoseStatedSizeIsOverTheLimitIsRefusedWithoutInflatingIt() throws IOException {
		var xlsx = CraftedXlsx.of(List.of(List.of("姓名")));
		assertRefused(CraftedXlsx.claimSize(xlsx, "xl/workbook.xml", 100 << 20), "import.file.too-large");
	}

	@Test
	void tooManyPartsOrTooManySharedStringsAreRefused() throws IOException {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			for (int i = 0; i < 21; i++) {
				zip.putNextEntry(new ZipEntry("part" + i));
				zip.closeEntry();
			}
		}
		assertRefused(out.toByteArray(), "import.file.too-large");
		var strings = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(strings)) {
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			zip.write("<sst>".getBytes());
			for (int i = 0; i < 1_001; i++) {
				zip.write("<si/>".getBytes());
			}
			zip.write("</sst>".getBytes());
			zip.closeEntry();
		}
		assertRefused(strings.toByteArray(), "import.file.too-large");
	}

	@Test
	void aZipCutInHalfIsUnreadable() throws IOException {
		var xlsx = CraftedXlsx.of(List.of(List.of("姓名"), List.of("张三")));
		assertRefused(Arrays.copyOf(xlsx, xlsx.length / 2), "import.file.unreadable");
	}

	private void assertRefused(byte[] content, String code) throws IOException {
		var path = file(content);
		assertThatThrownBy(() -> SMALL.check(path)).isInstanceOfSatisfying(ImportRefusedException.class,
				e -> assertThat(e.code()).isEqualTo(code));
	}

	private Path file(byte[] content) throws IOException {
		var path = Files.createTempFile(folder, "upload", ".xlsx");
		Files.write(path, content);
		return path;
	}
}
