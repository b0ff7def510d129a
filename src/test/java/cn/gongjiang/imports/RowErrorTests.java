package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import cn.gongjiang.shared.Violation;

/**
 * Issue 17, X-3: an import's row error is the row's number plus the same {@link Violation} a form or the API answers
 * with: the column is its field, the rule its {@code import.*} code, and it reads like the form's words.
 */
class RowErrorTests {

	@Test
	void aCheckersViolationBecomesTheRowsErrorInItsColumnUnderAnImportCode() {
		var error = RowError.of(9, Violation.of("mobile", "person.mobile.format").in("手机号"));
		assertThat(error.row()).isEqualTo(9);
		assertThat(error.violation()).isEqualTo(Violation.of("手机号", "import.person.mobile.format"));

		var messages = new ReloadableResourceBundleMessageSource();
		messages.setBasenames("classpath:i18n/registry", "classpath:i18n/imports");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		assertThat(error.violation().message(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("手机号应为1开头的11位数字");
		assertThat(RowError.of(7, "身份证号", "duplicate-in-file", 2).violation().message(messages, Locale.ENGLISH))
				.isEqualTo("Same as row 2 (only the first of duplicates in a file is kept)");
	}

	@Test
	void argumentsAreKeptAsTheTextTheReportShowsAndAnImportCodeIsNotPrefixedTwice() {
		var error = RowError.of(4, "截至日期", "import.date.format", LocalDate.of(2026, 3, 1));
		assertThat(error.violation().code()).isEqualTo("import.date.format");
		assertThat(error.violation().arguments()).containsExactly("2026-03-01");
		assertThat(RowError.missing(new ImportRow(3, Map.of()), List.of(new ImportColumn("姓名", true, "")))
				.get(0).violation()).isEqualTo(Violation.of("姓名", "import.required"));
	}
}
