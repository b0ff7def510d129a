package cn.gongjiang.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;

import cn.gongjiang.shared.Money;

/**
 * How the console and every file it writes show numbers, money and time: yuan with thousands separators and
 * fen only where there are fen, instants in Beijing time, durations in words, years without separators. Templates
 * reach it as {@code #fmt}; exports call it directly so a file reads like its page.
 */
public final class Formats {

	public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Locale locale;

	public Formats(Locale locale) {
		this.locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
	}

	private boolean english() {
		return "en".equals(locale.getLanguage());
	}

	/** An amount of yuan as a number: {@code 2,250} or {@code 2,250.50}; a dash for none. */
	public String yuan(Object amount) {
		var value = decimal(amount);
		if (value == null) {
			return "—";
		}
		var format = NumberFormat.getNumberInstance(Locale.CHINA);
		var fen = value.setScale(2, RoundingMode.HALF_UP);
		var whole = fen.stripTrailingZeros().scale() <= 0;
		format.setMinimumFractionDigits(whole ? 0 : 2);
		format.setMaximumFractionDigits(whole ? 0 : 2);
		return format.format(fen);
	}

	/** An amount with its unit: {@code 2,250 元}, in English {@code ¥2,250}. */
	public String money(Object amount) {
		var number = yuan(amount);
		if ("—".equals(number)) {
			return number;
		}
		return english() ? "¥" + number : number + " 元";
	}

	/** A count of things: {@code 10,234}; a dash for none. */
	public String count(Object value) {
		var number = decimal(value);
		if (number == null) {
			return "—";
		}
		var format = NumberFormat.getNumberInstance(Locale.CHINA);
		format.setMaximumFractionDigits(number.stripTrailingZeros().scale() > 0 ? 2 : 0);
		return format.format(number);
	}

	/** A share as a percentage with one decimal: 0.918 → {@code 91.8%}. */
	public String percent(Object share) {
		var value = decimal(share);
		if (value == null) {
			return "—";
		}
		return value.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	/** A year as people write it: 2027, never 2,027. */
	public String year(Object year) {
		return year == null ? "—" : String.valueOf(year);
	}

	/** A calendar day; an instant is first placed in Beijing. */
	public String date(Object value) {
		var time = temporal(value);
		return time == null ? "—" : DATE.format(time);
	}

	/** A moment to the minute in Beijing time. */
	public String dateTime(Object value) {
		var time = temporal(value);
		if (time == null) {
			return "—";
		}
		return time instanceof LocalDate day ? DATE.format(day) : DATE_TIME.format(time);
	}

	/** The clock time in Beijing: {@code 09:30}. */
	public String time(Object value) {
		var time = temporal(value);
		return time == null ? "—" : TIME.format(time);
	}

	/** From one moment to another on the same day: {@code 2026-12-01 09:00–11:00}. */
	public String span(Object from, Object to) {
		var start = temporal(from);
		var end = temporal(to);
		if (start == null || end == null) {
			return dateTime(from);
		}
		var sameDay = DATE.format(start).equals(DATE.format(end));
		return DATE_TIME.format(start) + "–" + (sameDay ? TIME.format(end) : DATE_TIME.format(end));
	}

	/** A duration in words, to its two largest units: {@code 19 天 21 小时}, {@code 3 分钟}. */
	public String duration(Object value) {
		var duration = value instanceof Duration d ? d : value instanceof Number n ? Duration.ofSeconds(n.longValue()) : null;
		if (duration == null) {
			return "—";
		}
		duration = duration.abs();
		if (duration.toDays() > 0) {
			return unit(duration.toDays(), 0) + (duration.toHoursPart() > 0 ? " " + unit(duration.toHoursPart(), 1) : "");
		}
		if (duration.toHoursPart() > 0) {
			return unit(duration.toHoursPart(), 1)
					+ (duration.toMinutesPart() > 0 ? " " + unit(duration.toMinutesPart(), 2) : "");
		}
		if (duration.toMinutesPart() > 0) {
			return unit(duration.toMinutesPart(), 2);
		}
		return english() ? "under a minute" : "不到 1 分钟";
	}

	private String unit(long amount, int unit) {
		if (english()) {
			var name = new String[] { "day", "hour", "minute" }[unit];
			return amount + " " + name + (amount == 1 ? "" : "s");
		}
		return amount + " " + new String[] { "天", "小时", "分钟" }[unit];
	}

	private static BigDecimal decimal(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal d) {
			return d;
		}
		if (value instanceof Money m) {
			return m.toBigDecimal();
		}
		if (value instanceof Double || value instanceof Float) {
			return BigDecimal.valueOf(((Number) value).doubleValue());
		}
		if (value instanceof Number n) {
			return BigDecimal.valueOf(n.longValue());
		}
		if (value instanceof CharSequence s && !s.isEmpty()) {
			try {
				return new BigDecimal(s.toString());
			}
			catch (NumberFormatException notANumber) {
				return null;
			}
		}
		return null;
	}

	private static TemporalAccessor temporal(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Instant i) {
			return i.atZone(BEIJING);
		}
		if (value instanceof OffsetDateTime o) {
			return o.atZoneSameInstant(BEIJING);
		}
		if (value instanceof ZonedDateTime z) {
			return z.withZoneSameInstant(BEIJING);
		}
		if (value instanceof Date d) {
			return Instant.ofEpochMilli(d.getTime()).atZone(BEIJING);
		}
		if (value instanceof LocalDate || value instanceof LocalDateTime) {
			return (TemporalAccessor) value;
		}
		if (value instanceof CharSequence s && !s.isEmpty()) {
			try {
				return LocalDate.parse(s);
			}
			catch (RuntimeException notADate) {
				return null;
			}
		}
		return null;
	}
}
