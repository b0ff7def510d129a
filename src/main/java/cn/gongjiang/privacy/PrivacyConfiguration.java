package cn.gongjiang.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the personal-data key comes from: {@code GONGJIANG_PRIVACY_KEY} (base64 of 32 bytes) in production, refused
 * if missing there; for the embedded default a key file generated once in the data folder, so a restart can still
 * read what it sealed. Losing the key loses the data it sealed: back it up with the database.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

	@Bean
	PersonalDataCipher personalDataCipher(Environment environment) {
		var algorithm = environment.getProperty("gongjiang.privacy.algorithm", Algorithm.class, Algorithm.SM4_GCM);
		return new PersonalDataCipher(masterKey(environment), algorithm);
	}

	static byte[] masterKey(Environment environment) {
		var configured = environment.getProperty("gongjiang.privacy.key");
		if (configured != null && !configured.isBlank()) {
			return decode(configured.strip());
		}
		if (!environment.getProperty("gongjiang.database.embedded", Boolean.class, false)) {
			throw new IllegalStateException("GONGJIANG_PRIVACY_KEY (base64 of 32 random bytes) is required with an "
					+ "external database: it seals ID and mobile numbers. Generate one with: openssl rand -base64 32");
		}
		return keyFile(Path.of(environment.getProperty("gongjiang.data-dir", "./data"), "keys", "privacy.key"));
	}

	static byte[] keyFile(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file).strip());
			}
			Files.createDirectories(file.getParent());
			var key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				log.warn("Could not restrict permissions of {}", file);
			}
			log.info("Generated the personal-data key in {}: back it up with the data folder", file.toAbsolutePath());
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the personal-data key " + file, e);
		}
	}

	private static byte[] decode(String base64) {
		var key = Base64.getDecoder().decode(base64);
		if (key.length != 32) {
			throw new IllegalStateException("The personal-data key must be 32 bytes (base64 of 32 random bytes)");
		}
		return key;
	}
}
