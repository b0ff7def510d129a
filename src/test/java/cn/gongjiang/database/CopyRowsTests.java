package cn.gongjiang.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CopyRowsTests {

	@Test
	void theFirstByteThatMayNeedAnEscapeIsFoundAtAnyOffsetAndNoOtherIs() {
		for (var special : new byte[] { '\\', '\n', '\r', '\t', 0, 0x1f }) {
			for (int length = 1; length <= 24; length++) {
				for (int at = 0; at < length; at++) {
					var bytes = new byte[length];
					for (int i = 0; i < length; i++) {
						bytes[i] = (byte) "]a[\u007f~ ]Z{".charAt(i % 9);
					}
					bytes[at] = special;
					assertThat(CopyRows.nextSpecial(bytes, 0, length)).isEqualTo(at);
					assertThat(CopyRows.nextSpecial(bytes, at + 1, length)).isEqualTo(length);
				}
			}
		}
	}

	@Test
	void utf8OfChineseTextHasNothingToEscape() {
		var bytes = "测试·工匠（绍兴）浙人社发〔2022〕32号 §13 😀".getBytes(StandardCharsets.UTF_8);
		assertThat(CopyRows.nextSpecial(bytes, 0, bytes.length)).isEqualTo(bytes.length);
	}
}
