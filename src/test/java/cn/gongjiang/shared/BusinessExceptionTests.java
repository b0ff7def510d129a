package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * CRT-1: a refusal whose argument is absent is still the refusal, never a NullPointerException in its place. Issue 17:
 * a refusal names the field it is about, so a form, the API and an import row say it in the same place.
 */
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

	@Test
	void aRefusalIsAboutTheFieldItsCallerNamesUnlessItNamedOneItself() {
		assertThatThrownBy(() -> BusinessException.about("placeCounty", () -> RegionCode.of("33")))
				.isInstanceOf(InvalidValueException.class)
				.satisfies(e -> assertThat(((BusinessException) e).violations())
						.containsExactly(Violation.of("placeCounty", "region.code.format", "33")));
		var named = InvalidValueException.of("headcount", "training.demand.headcount", 0);
		assertThat(named.about("trainHeadcount").violations())
				.containsExactly(Violation.of("headcount", "training.demand.headcount", 0));
		// the kind of refusal stays, so the API answers with the same status
		var missing = new NotFoundException("training.enterprise.not-found", "X").about("enterpriseCode");
		assertThat(missing).isInstanceOf(NotFoundException.class);
		assertThat(missing.violations())
				.containsExactly(Violation.of("enterpriseCode", "training.enterprise.not-found", "X"));
		var several = new InvalidValueException(List.of(Violation.of("name", "required"), Violation.of(null, "x")));
		assertThat(several.about("form").violations()).extracting(Violation::field).containsExactly("name", "form");
	}
}
