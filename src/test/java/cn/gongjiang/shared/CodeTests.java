package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** REF-1, REF-2: region and occupation codes are checked for shape before anything looks them up. */
class CodeTests {

	@Test
	void regionCodesHaveSixOrNineDigits() {
		assertThat(RegionCode.of("330603").inZhejiang()).isTrue();
		assertThat(RegionCode.of("330603001").value()).isEqualTo("330603001");
		assertThatThrownBy(() -> RegionCode.of("33060")).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> RegionCode.of("33O603")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void occupationCodesKnowTheirLevel() {
		assertThat(OccupationCode.of("6").level()).isEqualTo(1);
		assertThat(OccupationCode.of("6-18-01-01").level()).isEqualTo(4);
		assertThatThrownBy(() -> OccupationCode.of("6-18-1")).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> OccupationCode.of("6-18-01-01-01")).isInstanceOf(InvalidValueException.class);
	}
}
