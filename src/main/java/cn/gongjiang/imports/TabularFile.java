package cn.gongjiang.imports;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

import com.github.pjfanning.xlsx.SharedStringsImplementationType;
import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A spreadsheet read as a stream of rows, whatever it came as: xlsx, or CSV in UTF-8 (with or without BOM) or GBK
 * (read as GB18030, its superset), the two encodings Excel writes CSV in here. Row numbers are those Excel shows: the
 * header is row 1. Nothing is held in memory but the current row: an xlsx's shared strings are read into a temporary
 * file, deleted when the file is closed.
 */
final class TabularFile implements Closeable {

	enum Format { CSV, XLSX }

	record Line(int number, List<String> cells) {

		/** Every cell empty or spaces; a plain loop, as a file may hold a million of these. */
		boolean blank() {
			for (var cell : cells) {
				if (cell != null && !cell.isBlank()) {
					return false;
				}
			}
			return true;
		}

		/** The first cell holding bytes the file's encoding could not read (decoded as U+FFFD), or -1. */
		int undecodableCell() {
			for (int i = 0; i < cells.size(); i++) {
				var cell = cells.get(i);
				if (cell != null && cell.indexOf(REPLACEMENT) >= 0) {
					return i;
				}
			}
			return -1;
		}
	}

	static final Charset GBK = Charset.forName("GB18030");
	static final char REPLACEMENT = '\uFFFD';
	private static final int SNIFF = 1 << 20;

	private final Format format;
	private final Closeable resource;
	private final Iterator<Line> lines;
	private final List<String> header;
	private final Charset charset;

	private TabularFile(Format format, Closeable resource, Iterator<Line> lines, Charset charset) {
		this.format = format;
		this.resource = resource;
		this.lines = lines;
		this.charset = charset;
		this.header = lines.hasNext() ? lines.next().cells().stream().map(TabularFile::cleanHeader).toList() : List.of();
	}

	/** Opens a file with the default xlsx limits. */
	static TabularFile open(Path file) throws IOException {
		return open(file, XlsxLimits.DEFAULTS);
	}

	/**
	 * Opens a file, deciding its format from its first bytes; refuses what is neither CSV text nor xlsx, an xlsx that
	 * would expand beyond {@code limits}, and a zip that cannot be read.
	 */
	static TabularFile open(Path file, XlsxLimits limits) throws IOException {
		var head = new byte[8];
		try (var in = Files.newInputStream(file)) {
			in.readNBytes(head, 0, head.length);
		}
		var magic = FileMagic.valueOf(head);
		if (magic == FileMagic.OOXML) {
			limits.check(file);
			Workbook workbook;
			Iterator<Row> sheet;
			try {
				workbook = StreamingReader.builder()
						// constant memory: the shared strings (a million-row person file has millions, each unique) go
						// to a temporary file in the spill folder (spillInto). Not encrypted: it holds what the
						// upload beside it holds, under the same protection, and encrypting it made the read 2.6 x slower
						.setSharedStringsImplementationType(SharedStringsImplementationType.TEMP_FILE_BACKED)
						.setEncryptSstTempFile(false)
						.setReadComments(false)
						.setReadHyperlinks(false)
						.setReadShapes(false)
						.setReadCoreProperties(false)
						// with the cells' formats, to tell a date cell from a number
						.setReadStyles(true)
						.open(file.toFile());
			}
			catch (RuntimeException e) {
				throw new ImportRefusedException("import.file.unreadable");
			}
			try {
				sheet = workbook.getSheetAt(0).rowIterator();
			}
			catch (RuntimeException e) {
				workbook.close();
				throw new ImportRefusedException("import.file.unreadable");
			}
			Iterator<Line> rows = new Iterator<>() {

				@Override
				public boolean hasNext() {
					return sheet.hasNext();
				}

				@Override
				public Line next() {
					var row = sheet.next();
					var width = Math.max(0, row.getLastCellNum());
					var cells = new ArrayList<String>(width);
					for (int i = 0; i < width; i++) {
						var cell = row.getCell(i);
						cells.add(cell == null ? null : text(cell));
					}
					return new Line(row.getRowNum() + 1, cells);
				}
			};
			return new TabularFile(Format.XLSX, workbook, unreadableOnFailure(rows), null);
		}
		if (magic == FileMagic.OLE2) {
			throw new ImportRefusedException("import.file.xls");
		}
		var charset = detectCharset(file);
		var in = new BufferedInputStream(Files.newInputStream(file));
		if (charset == StandardCharsets.UTF_8) {
			in.mark(3);
			var bom = in.readNBytes(3);
			if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
				in.reset();
			}
		}
		var reader = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(new InputStreamReader(in, charset));
		var counter = new int[] { 0 };
		Stream<Line> rows = reader.stream().map((CsvRecord r) -> new Line(++counter[0], r.getFields()));
		return new TabularFile(Format.CSV, reader, unreadableOnFailure(rows.iterator()), charset);
	}

	/**
	 * Where every xlsx read puts its shared strings from now on: a folder readable by the application's user only,
	 * emptied of what an earlier process left (a read cut short by a crash). POI takes this as a process-wide
	 * setting; the application reads xlsx nowhere else.
	 */
	static void spillInto(Path folder) throws IOException {
		Files.createDirectories(folder);
		if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
		}
		try (var leftovers = Files.list(folder)) {
			for (var leftover : (Iterable<Path>) leftovers::iterator) {
				Files.deleteIfExists(leftover);
			}
		}
		TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
	}

	/** How many data rows a file holds, and whether its first row has anything in it. */
	record Count(boolean header, int rows) {
	}

	/**
	 * Counts a file's non-blank data rows. A CSV is read as the import reads it. An xlsx's sheet is scanned without
	 * loading its shared strings (that load is most of an xlsx's read): one pass over them notes which are blank (a bit
	 * each), one over the sheet counts the rows with a cell that is not.
	 */
	static Count count(Path file, XlsxLimits limits) throws IOException {
		if (!isXlsx(file)) {
			try (var table = open(file, limits)) {
				var rows = 0;
				for (var it = table.rows(); it.hasNext(); it.next()) {
					rows++;
				}
				return new Count(!table.header().isEmpty() && !table.header().stream().allMatch(String::isEmpty), rows);
			}
		}
		limits.check(file);
		try (var pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			var sheets = new XSSFReader(pkg).getSheetsData();
			if (!sheets.hasNext()) {
				return new Count(false, 0);
			}
			BitSet blank;
			try (var strings = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType()).stream()
					.findFirst().map(XlsxCount::openPart).orElse(InputStream.nullInputStream())) {
				blank = XlsxCount.blankStrings(strings);
			}
			try (var sheet = sheets.next()) {
				return XlsxCount.rows(sheet, blank);
			}
		}
		catch (OpenXML4JException | XMLStreamException | RuntimeException e) {
			throw new ImportRefusedException("import.file.unreadable");
		}
	}

	/** Whether a file's first bytes are those of an xlsx (a zip in the Office Open XML layout). */
	static boolean isXlsx(Path file) throws IOException {
		try (var in = Files.newInputStream(file)) {
			return FileMagic.valueOf(Arrays.copyOf(in.readNBytes(8), 8)) == FileMagic.OOXML;
		}
	}

	/** A zip part or CSV that breaks off mid-way is a bad file, not a failure of the system. */
	private static Iterator<Line> unreadableOnFailure(Iterator<Line> lines) {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				try {
					return lines.hasNext();
				}
				catch (UncheckedIOException | ExcelRuntimeException | POIXMLException | CsvParseException e) {
					throw new ImportRefusedException("import.file.unreadable");
				}
			}

			@Override
			public Line next() {
				try {
					return lines.next();
				}
				catch (UncheckedIOException | ExcelRuntimeException | POIXMLException | CsvParseException e) {
					throw new ImportRefusedException("import.file.unreadable");
				}
			}
		};
	}

	/**
	 * UTF-8 when the first megabyte reads as UTF-8 (a BOM counts), GB18030 otherwise; binary is refused. A stray bad
	 * byte does not make a UTF-8 file GBK: Chinese text in GBK almost never forms valid UTF-8 sequences, so UTF-8 is
	 * chosen when its valid multi-byte sequences far outnumber the invalid ones, and the rows with the bad bytes are
	 * reported one by one ({@code import.encoding}) instead of the whole file reading as garbage.
	 */
	static Charset detectCharset(Path file) throws IOException {
		byte[] sniff;
		try (InputStream in = Files.newInputStream(file)) {
			sniff = in.readNBytes(SNIFF);
		}
		for (byte b : sniff) {
			if (b == 0) {
				throw new ImportRefusedException("import.file.unreadable");
			}
		}
		if (sniff.length >= 3 && (sniff[0] & 0xff) == 0xEF && (sniff[1] & 0xff) == 0xBB && (sniff[2] & 0xff) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		var in = ByteBuffer.wrap(sniff);
		var out = CharBuffer.allocate(sniff.length);
		var invalid = 0;
		while (true) {
			// a sniff cut at a megabyte may end mid-character: only a whole file's end is the end of input
			var result = utf8.decode(in, out, sniff.length < SNIFF);
			if (result.isMalformed() || result.isUnmappable()) {
				invalid++;
				in.position(in.position() + result.length());
			}
			else {
				break;
			}
		}
		if (invalid == 0) {
			return StandardCharsets.UTF_8;
		}
		var multiByte = 0;
		for (int i = 0; i < out.position(); i++) {
			if (out.get(i) > 0x7F) {
				multiByte++;
			}
		}
		return multiByte >= 10 * invalid ? StandardCharsets.UTF_8 : GBK;
	}

	Format format() {
		return format;
	}

	Charset charset() {
		return charset;
	}

	List<String> header() {
		return header;
	}

	/** The data rows, blank ones skipped. */
	Iterator<Line> rows() {
		return new Iterator<>() {
			private Line next = advance();

			private Line advance() {
				while (lines.hasNext()) {
					var line = lines.next();
					if (!line.blank()) {
						return line;
					}
				}
				return null;
			}

			@Override
			public boolean hasNext() {
				return next != null;
			}

			@Override
			public Line next() {
				if (next == null) {
					throw new NoSuchElementException();
				}
				var current = next;
				next = advance();
				return current;
			}
		};
	}

	@Override
	public void close() {
		try {
			resource.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A cell as the row's text. A date cell holds Excel's day number: it reads as the day it shows (2026-03-01), as
	 * a clerk typed it, not as 46082. Other numbers read as their value in full (13800138000, not 1.38E10); a formula
	 * as its last result.
	 */
	private static String text(Cell cell) {
		var type = cell.getCellType();
		if (type == CellType.FORMULA) {
			type = cell.getCachedFormulaResultType();
		}
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> number(cell);
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
			default -> null;
		};
	}

	private static String number(Cell cell) {
		var style = cell.getCellStyle();
		if (style != null && isDateFormat((int) style.getDataFormat(), style.getDataFormatString())) {
			try {
				var when = cell.getLocalDateTimeCellValue();
				if (when != null) {
					return when.toLocalTime().equals(LocalTime.MIDNIGHT) ? when.toLocalDate().toString()
							: when.toLocalDate() + " " + when.toLocalTime();
				}
			}
			catch (RuntimeException notADay) {
				// a day number out of Excel's range reads as the number it is
			}
		}
		return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
	}

	/** Excel's built-in date formats (14–22, 27–36 and 50–58 for Chinese dates, 45–47), or a format with days or years. */
	static boolean isDateFormat(Integer id, String format) {
		if (id != null && (id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58)) {
			return true;
		}
		if (format == null) {
			return false;
		}
		// quoted text, escaped characters and [colour] or [$-locale] sections are not the format's codes
		var codes = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").replaceAll("\\[[^]]*]", "")
				.toLowerCase(Locale.ROOT);
		return codes.matches(".*[yd].*") || codes.contains("年") || codes.contains("日");
	}

	private static String cleanHeader(String header) {
		return header == null ? "" : header.replace("\uFEFF", "").replace("*", "").strip();
	}
}
