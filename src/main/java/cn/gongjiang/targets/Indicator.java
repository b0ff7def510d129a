package cn.gongjiang.targets;

import java.util.Locale;

/** What is measured; {@code fact} names the stream of platform records that feeds it, null when only returns do. */
public record Indicator(String code, String nameZh, String nameEn, String unit, String fact, int sort) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

	public boolean computed() {
		return fact != null;
	}
}
