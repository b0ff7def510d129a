package cn.gongjiang.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileSystems;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.stereotype.Component;

/**
 * Uploaded files, kept in the data folder (mode 0600) while they are needed: an interrupted job is run again from its
 * file, and the error report is written in the file's own layout. A finished job's file is deleted after the
 * retention period ({@link ImportFileRetention}).
 */
@Component
class ImportFiles {

	private final Path folder;
	private final XlsxLimits limits;

	ImportFiles(Environment environment) {
		this.folder = Path.of(environment.getProperty("gongjiang.data-dir", "./data"), "imports");
		var defaults = XlsxLimits.DEFAULTS;
		this.limits = new XlsxLimits(
				environment.getProperty("gongjiang.imports.xlsx.max-entries", Integer.class, defaults.maxEntries()),
				size(environment, "max-entry-size", defaults.maxEntrySize()),
				size(environment, "max-uncompressed", defaults.maxUncompressed()),
				size(environment, "max-shared-strings-size", defaults.maxSharedStringsSize()),
				environment.getProperty("gongjiang.imports.xlsx.max-shared-strings", Long.class,
						defaults.maxSharedStrings()));
		// an xlsx's shared strings spill beside the uploads, under the same protection
		try {
			TabularFile.spillInto(folder.resolve("spill"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static long size(Environment environment, String name, long defaultBytes) {
		var size = environment.getProperty("gongjiang.imports.xlsx." + name, DataSize.class);
		return size == null ? defaultBytes : size.toBytes();
	}

	/** How many data rows the uploaded file holds. */
	TabularFile.Count count(UUID id) throws IOException {
		return TabularFile.count(path(id), limits);
	}

	/** The uploaded file as rows, within the xlsx limits. */
	TabularFile open(UUID id) throws IOException {
		return TabularFile.open(path(id), limits);
	}

	/** Stores an upload and returns its SHA-256. */
	String store(UUID id, InputStream content) {
		try {
			Files.createDirectories(folder);
			var digest = MessageDigest.getInstance("SHA-256");
			var path = path(id);
			Files.deleteIfExists(path);
			// the file holds full ID numbers: readable by the application's own user only, from its first byte
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			try (var in = new DigestInputStream(content, digest); var out = Files.newOutputStream(path)) {
				in.transferTo(out);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot store upload " + id, e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	Path path(UUID id) {
		return folder.resolve(id.toString());
	}

	boolean kept(UUID id) {
		return Files.exists(path(id));
	}

	void delete(UUID id) {
		try {
			Files.deleteIfExists(path(id));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot delete upload " + id, e);
		}
	}
}
