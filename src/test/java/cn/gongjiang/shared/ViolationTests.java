package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * Issue 17: one shape for a broken rule (field, code, arguments) on forms, the API and imports, and one way to put it
 * into words, from the bundles the console reads, in Chinese and in English.
 */
class ViolationTests {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static MessageSource bundles() {
		var source = new ReloadableResourceBundleMessageSource();
		source.setBasenames("classpath:i18n/registry", "classpath:i18n/region", "classpath:i18n/imports");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setDefaultLocale(CHINESE);
		return source;
	}

	final MessageSource messages = bundles();

	@Test
	void aRuleReadsAsItsMessageWithItsArgumentsInChineseAndEnglish() {
		var unknown = Violation.of("hukouRegion", "region.unknown", "339999");
		assertThat(unknown.field()).isEqualTo("hukouRegion");
		assertThat(unknown.message(messages, CHINESE)).isEqualTo("区划代码 339999 不存在");
		assertThat(unknown.message(messages, Locale.ENGLISH)).isEqualTo("No region 339999");
	}

	@Test
	void anImportCodeReadsAsItsOwnMessageOrElseAsTheRulesMessage() {
		assertThat(Violation.of("姓名", "import.required").message(messages, CHINESE)).isEqualTo("必填项为空");
		assertThat(Violation.of("姓名", "import.required").message(messages, Locale.ENGLISH))
				.isEqualTo("A required field is empty");
		var mobile = Violation.of("手机号", "import.person.mobile.format");
		assertThat(mobile.message(messages, CHINESE)).isEqualTo("手机号应为1开头的11位数字");
		assertThat(mobile.message(messages, Locale.ENGLISH)).isEqualTo("A mobile number is 11 digits starting with 1");
	}

	@Test
	void aCodeWithoutAMessageReadsAsItselfNeverAsNothing() {
		assertThat(Violation.of(null, "nowhere.written").message(messages, CHINESE)).isEqualTo("nowhere.written");
	}

	@Test
	void anAbsentArgumentIsKeptAndTheArgumentsCannotBeChangedFromOutside() {
		Object[] arguments = { "Z1", null };
		var violation = Violation.of("number", "certificate.number.format", arguments);
		arguments[0] = "Z2";
		assertThat(violation.arguments()).containsExactly("Z1", null);
		assertThat(violation.in("证书编号")).isEqualTo(new Violation("证书编号", "certificate.number.format",
				Arrays.asList("Z1", null)));
	}

	@Test
	void aRefusedValueCarriesEveryBrokenRuleAndTheFirstIsItsCode() {
		var refused = new InvalidValueException(List.of(Violation.of("mobile", "person.mobile.format"),
				Violation.of("groups", "person.group.unknown", "astronaut")));
		assertThat(refused.code()).isEqualTo("person.mobile.format");
		assertThat(refused.violations()).extracting(Violation::field).containsExactly("mobile", "groups");
		assertThat(new InvalidValueException("region.unknown", "339999").violations())
				.containsExactly(Violation.of(null, "region.unknown", "339999"));
		assertThat(new ConflictException("person.changed").violations()).extracting(Violation::field)
				.containsOnlyNulls();
	}
}
