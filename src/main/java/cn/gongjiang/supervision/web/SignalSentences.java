package cn.gongjiang.supervision.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.web.Formats;
import cn.gongjiang.subsidy.ClaimSignals;
import cn.gongjiang.supervision.SignalReviews;
import cn.gongjiang.training.TrainingSignals;

/**
 * What an anomaly signal says, in the reader's language (SUP-3): its message code filled with its arguments, each in
 * words — a duration as "19 天 21 小时", a session's day as "12月1日", a certificate type by its name.
 */
@Component
class SignalSentences {

	private final MessageSource messages;
	private final Clock clock;

	SignalSentences(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	String sentence(TrainingSignals.Signal signal, Locale locale) {
		var format = new Formats(locale);
		var arguments = signal.arguments().stream().map(a -> {
			if (a instanceof Duration d) {
				return format.duration(d);
			}
			if (a instanceof LocalDate day) {
				return day(day, locale);
			}
			return a instanceof CertificateType type ? type.name(locale) : a;
		}).toArray();
		return messages.getMessage(signal.code(), arguments, signal.code(), locale);
	}

	/** A claim's signal (SUP-3): its sentence, the refused step's own sentence within it in the same language. */
	String sentence(ClaimSignals.Signal signal, Locale locale) {
		return messages.getMessage(signal.code(), signal.arguments().toArray(), signal.code(), locale);
	}

	/** Either kind of signal a review holds. */
	String sentence(SignalReviews.Reviewed reviewed, Locale locale) {
		return reviewed.signal() != null ? sentence(reviewed.signal(), locale) : sentence(reviewed.claim(), locale);
	}

	/** A day as people say it: the month and day this year, with the year otherwise. */
	private String day(LocalDate day, Locale locale) {
		var key = day.getYear() == LocalDate.now(clock).getYear() ? "supervision.signal.day" : "supervision.signal.day.year";
		return DateTimeFormatter.ofPattern(messages.getMessage(key, null, locale), locale).format(day);
	}
}
