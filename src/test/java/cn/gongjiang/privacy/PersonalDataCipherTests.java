package cn.gongjiang.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** ID and mobile numbers are sealed at rest and found again through a keyed index. */
class PersonalDataCipherTests {

	private static final byte[] KEY = new byte[32];
	static {
		Arrays.fill(KEY, (byte) 7);
	}

	@Test
	void sm4IsTheStandardCipher() {
		// GB/T 32907-2016 appendix A.1
		var hex = HexFormat.of();
		var engine = new SM4Engine();
		engine.init(true, new KeyParameter(hex.parseHex("0123456789abcdeffedcba9876543210")));
		var out = new byte[16];
		engine.processBlock(hex.parseHex("0123456789abcdeffedcba9876543210"), 0, out, 0);
		assertThat(hex.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
	}

	@Test
	void aSealedIdNumberOpensAgainAndDoesNotContainThePlaintext() {
		for (var algorithm : Algorithm.values()) {
			var cipher = new PersonalDataCipher(KEY, algorithm);
			var sealed = cipher.seal("330106199003071236");
			assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("19900307");
			assertThat(sealed[1]).isEqualTo(algorithm.id);
			assertThat(cipher.open(sealed)).isEqualTo("330106199003071236");
		}
	}

	@Test
	void sealingTwiceGivesDifferentCiphertextsButTheSameIndex() {
		var cipher = new PersonalDataCipher(KEY, Algorithm.SM4_GCM);
		assertThat(cipher.seal("13800138000")).isNotEqualTo(cipher.seal("13800138000"));
		assertThat(cipher.index("13800138000")).isEqualTo(cipher.index("13800138000")).hasSize(32);
		assertThat(cipher.index("13800138000")).isNotEqualTo(cipher.index("13800138001"));
	}

	@Test
	void valuesSealedUnderTheOtherAlgorithmStayReadable() {
		var sm4 = new PersonalDataCipher(KEY, Algorithm.SM4_GCM);
		var aes = new PersonalDataCipher(KEY, Algorithm.AES_GCM);
		assertThat(aes.open(sm4.seal("张明"))).isEqualTo("张明");
		assertThat(sm4.open(aes.seal("张明"))).isEqualTo("张明");
	}

	@Test
	void anAlteredValueOrAnotherKeyIsRefused() {
		var cipher = new PersonalDataCipher(KEY, Algorithm.SM4_GCM);
		var sealed = cipher.seal("330106199003071236");
		sealed[sealed.length - 1] ^= 1;
		assertThatThrownBy(() -> cipher.open(sealed)).hasMessageContaining("authentication");
		var otherKey = new byte[32];
		var other = new PersonalDataCipher(otherKey, Algorithm.SM4_GCM);
		assertThatThrownBy(() -> other.open(cipher.seal("x"))).hasMessageContaining("authentication");
		assertThat(other.index("x")).isNotEqualTo(cipher.index("x"));
	}

	@Test
	void theEmbeddedDefaultKeepsItsKeyInTheDataFolder(@TempDir Path dataDir) throws Exception {
		var environment = new MockEnvironment().withProperty("gongjiang.database.embedded", "true")
				.withProperty("gongjiang.data-dir", dataDir.toString());
		var first = PrivacyConfiguration.masterKey(environment);
		assertThat(Files.getPosixFilePermissions(dataDir.resolve("keys/privacy.key")))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		assertThat(PrivacyConfiguration.masterKey(environment)).isEqualTo(first).hasSize(32);
	}

	@Test
	void productionRefusesToStartWithoutAKey() {
		assertThatThrownBy(() -> PrivacyConfiguration.masterKey(new MockEnvironment()))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("GONGJIANG_PRIVACY_KEY");
	}

	@Test
	void maskingShowsWhatEachViewerMaySee() {
		assertThat(Masking.idNumberForOfficial("330102199003071234")).isEqualTo("330102********1234");
		assertThat(Masking.forPublic("330102199003071234")).isEqualTo("3****************4");
		assertThat(Masking.name("张小明")).isEqualTo("张*明");
		assertThat(Masking.name("张明")).isEqualTo("张*");
		assertThat(Masking.mobile("13800138000")).isEqualTo("138****8000");
	}
}
