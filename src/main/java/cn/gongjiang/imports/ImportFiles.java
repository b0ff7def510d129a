package cn.gongjiang.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Uploaded files, kept in the data folder until the job is gone: an interrupted job is run again from its file, and
 * the error report is written in the file's own layout.
 */
@Component
class ImportFiles {

	private final Path folder;

	ImportFiles(Environment environment) {
		this.folder = Path.of(environment.getProperty("gongjiang.data-dir", "./data"), "imports");
	}

	/** Stores an upload and returns its SHA-256. */
	String store(UUID id, InputStream content) {
		try {
			Files.createDirectories(folder);
			var digest = MessageDigest.getInstance("SHA-256");
			try (var in = new DigestInputStream(content, digest)) {
				Files.copy(in, path(id), StandardCopyOption.REPLACE_EXISTING);
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
}
