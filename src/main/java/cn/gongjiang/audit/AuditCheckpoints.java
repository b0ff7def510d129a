package cn.gongjiang.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import cn.gongjiang.privacy.PersonalDataCipher;

/**
 * Checkpoints of the audit chain (MLPS; issue 19), outside the database: every hour and at every verification the
 * chain's newest row (id, hash, time) is appended, signed with the chain key, to a file in the application's data
 * folder. Whoever administers the database can rewrite rows but not this file, so a row rewritten or deleted below
 * a checkpoint no longer matches it; and a checkpointed row that is gone while younger than the six months the log
 * must keep shows that the log was cut short.
 */
@Component
class AuditCheckpoints {

	/** One line of the file; {@code signed}: its signature holds under the chain key. */
	record Checkpoint(long id, byte[] hash, Instant occurredAt, Instant writtenAt, boolean signed) {
	}

	private final Path file;
	private final byte[] key;

	AuditCheckpoints(Environment environment, PersonalDataCipher cipher) {
		this.file = Path.of(environment.getProperty("gongjiang.data-dir", "./data"), "audit", "chain-checkpoints");
		this.key = cipher.auditChainKey();
		if (environment.getProperty("gongjiang.database.throwaway", Boolean.class, false)) {
			// the checkpoints belong to the database they were taken of: a throwaway one starts with none
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	synchronized void append(long id, byte[] hash, Instant occurredAt, Instant writtenAt) {
		var fields = String.join(" ", Long.toString(id), HexFormat.of().formatHex(hash),
				Long.toString(AuditEvent.micros(occurredAt)), Long.toString(AuditEvent.micros(writtenAt)));
		var line = fields + " " + HexFormat.of().formatHex(sign(fields)) + "\n";
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Files.createFile(file);
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException notPosix) {
					// the platform's own folder permissions then protect it
				}
			}
			Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the audit checkpoint file " + file, e);
		}
	}

	synchronized List<Checkpoint> read() {
		if (!Files.exists(file)) {
			return List.of();
		}
		try {
			var checkpoints = new ArrayList<Checkpoint>();
			for (var line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
				var parts = line.strip().split(" ");
				if (parts.length != 5) {
					// a line that is not ours counts as a forged one
					checkpoints.add(new Checkpoint(-1, new byte[0], Instant.EPOCH, Instant.EPOCH, false));
					continue;
				}
				var fields = String.join(" ", parts[0], parts[1], parts[2], parts[3]);
				var signed = Arrays.equals(sign(fields), HexFormat.of().parseHex(parts[4]));
				checkpoints.add(new Checkpoint(Long.parseLong(parts[0]), HexFormat.of().parseHex(parts[1]),
						instant(Long.parseLong(parts[2])), instant(Long.parseLong(parts[3])), signed));
			}
			return checkpoints;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the audit checkpoint file " + file, e);
		}
		catch (IllegalArgumentException e) {
			return List.of(new Checkpoint(-1, new byte[0], Instant.EPOCH, Instant.EPOCH, false));
		}
	}

	private byte[] sign(String fields) {
		return AuditEvent.mac(key, ("checkpoint\u001f" + fields).getBytes(StandardCharsets.US_ASCII));
	}

	private static Instant instant(long micros) {
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
	}
}
