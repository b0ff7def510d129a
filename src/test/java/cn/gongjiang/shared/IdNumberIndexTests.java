package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.gongjiang.shared.security.DataScope;

/** Issue 17: the keyed ID-number index is one type, equal by its bytes, whichever form it came in. */
class IdNumberIndexTests {

	@Test
	void anIndexIsTheSameFromItsBytesItsHexAndAWorkersScope() {
		var bytes = new byte[] { 0x0a, (byte) 0xff, 0x10 };
		var index = IdNumberIndex.of(bytes);
		assertThat(index.hex()).isEqualTo("0aff10");
		assertThat(index.copyText()).isEqualTo("\\x0aff10");
		assertThat(IdNumberIndex.fromHex("0aff10")).isEqualTo(index).hasSameHashCodeAs(index);
		assertThat(DataScope.person(index).personIndex()).isEqualTo(index);
		// neither side can change it through the array it was made from or read into
		bytes[0] = 0;
		index.bytes()[1] = 0;
		assertThat(index.hex()).isEqualTo("0aff10");
	}

	@Test
	void onlyAPersonsScopeHasAnIndex() {
		assertThatThrownBy(() -> DataScope.organisation("91330602MA2BXXXX0X").personIndex())
				.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> IdNumberIndex.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
	}
}
