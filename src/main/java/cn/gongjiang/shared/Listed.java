package cn.gongjiang.shared;

import java.util.Arrays;
import java.util.Locale;

/**
 * A value of a closed list (a certificate type, a skill grade) with a stable code and its names in Chinese and
 * English: how files, forms and pages name it the same way everywhere.
 */
public interface Listed {

	/** The code and the two names, as the value was declared. */
	record Names(String code, String zh, String en) {
	}

	Names names();

	default String code() {
		return names().code();
	}

	default String nameZh() {
		return names().zh();
	}

	default String nameEn() {
		return names().en();
	}

	default String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn() : nameZh();
	}

	/** The value named by its code or its Chinese name (as files spell it), else refused with {@code refusal}. */
	static <T extends Listed> T byCodeOrName(T[] values, String text, String refusal) {
		return Arrays.stream(values).filter(v -> v.code().equals(text) || v.nameZh().equals(text)).findFirst()
				.orElseThrow(() -> new InvalidValueException(refusal, text));
	}
}
