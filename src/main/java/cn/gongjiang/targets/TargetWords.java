package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.shared.web.Formats;

/**
 * How a target reads, on the page and in the files the module writes: the comparator as a word (不少于, 约),
 * the figure with its unit from the bundle, the period, the status and where the actual came from, in the reader's
 * language. Templates reach it as {@code @targetWords}. Years go in as text so that no message formats one as 2,027.
 */
@Component("targetWords")
public class TargetWords {

	private final MessageSource messages;
	private final TargetStore store;
	private volatile Map<String, Indicator> indicators;

	TargetWords(MessageSource messages, TargetStore store) {
		this.messages = messages;
		this.store = store;
	}

	/** 不少于 100 个, 24,180 人, 约 300 人, 待定 */
	public String figure(Target target, Locale locale) {
		if (target.comparator() == Comparison.UNKNOWN || target.value() == null) {
			return message("targets.figure.UNKNOWN", locale);
		}
		return message("targets.figure." + target.comparator().name(), locale,
				amount(target.value(), target.indicator(), locale));
	}

	/** 1,234 人, 60%; a dash for none. */
	public String amount(BigDecimal value, String indicator, Locale locale) {
		if (value == null) {
			return "—";
		}
		var unit = indicator(indicator).map(Indicator::unit).orElse("UNITS");
		return message("targets.amount." + unit, locale, new Formats(locale).count(value));
	}

	/** 2025年, 2023–2027年, 截至 2025-12-31（累计） */
	public String period(Target target, Locale locale) {
		return switch (target.periodKind()) {
			case YEAR -> message("targets.period.YEAR", locale, String.valueOf(target.periodStart().getYear()));
			case RANGE -> message("targets.period.RANGE", locale, String.valueOf(target.periodStart().getYear()),
					String.valueOf(target.periodEnd().getYear()));
			case CUMULATIVE -> message("targets.period.CUMULATIVE", locale, target.periodEnd().toString());
		};
	}

	public String status(ProgressStatus status, Locale locale) {
		return message("targets.status." + status.name(), locale);
	}

	/** Where the actual came from: the platform's records, or a return and its state. */
	public String actualSource(String source, Locale locale) {
		return source == null ? "—" : message("targets.actual-source." + source, locale);
	}

	public String indicatorName(String code, Locale locale) {
		return indicator(code).map(i -> i.name(locale)).orElse(code);
	}

	/** The indicator with what the target is about where one line sets several: 部门领域职业技能培训（网店业主） */
	public String subject(Target target, Locale locale) {
		var name = indicatorName(target.indicator(), locale);
		return target.label() == null ? name : message("targets.subject.labelled", locale, name, target.label());
	}

	/** 2026年第3季度 or 2026年年度 */
	public String quarter(int year, int quarter, Locale locale) {
		return quarter == 0 ? message("targets.quarter.yearly", locale, String.valueOf(year))
				: message("targets.quarter", locale, String.valueOf(year), String.valueOf(quarter));
	}

	/** 2026年第3季度工作报告, 2026年年度工作总结 */
	public String reportTitle(int year, int quarter, Locale locale) {
		return quarter == 0 ? message("targets.report.title.yearly", locale, String.valueOf(year))
				: message("targets.report.title", locale, String.valueOf(year), String.valueOf(quarter));
	}

	public String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}

	private Optional<Indicator> indicator(String code) {
		var known = indicators;
		if (known == null) {
			// reference data by migration: read once per process
			known = store.indicators().stream().collect(Collectors.toUnmodifiableMap(Indicator::code, Function.identity()));
			indicators = known;
		}
		return Optional.ofNullable(known.get(code));
	}
}
