package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CRT-1: a refusal whose argument is absent is still the refusal, never a NullPointerException in its place. */
class BusinessExceptionTests {

	@Test
	void anAbsentArgumentIsKeptAsAbsent() {
		var e = new InvalidValueException("id-number.check-digit", (Object) null);
		assertThat(e.code()).isEqualTo("id-number.check-digit");
		assertThat(e.arguments()).containsExactly((Object) null);
	}

	@Test
	void theArgumentsCannotBeChangedFromOutside() {
		Object[] arguments = { "Z1" };
		var e = new ConflictException("certificate.number.taken", arguments);
		arguments[0] = "Z2";
		assertThat(e.arguments()).containsExactly("Z1");
	}
}
