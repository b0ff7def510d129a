package cn.gongjiang.audit.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.audit.AuditEvent;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.security.Role;

/**
 * The log's codes in the reader's words, the same on the page and in the export: actions and outcomes by name,
 * roles by their Chinese title, a scope by its kind, hashes in groups of eight. The log itself keeps the codes it
 * was written with: its hash chain covers them.
 */
@Component
class AuditWords {

	private static final Pattern HEX = Pattern.compile("\\b[0-9a-f]{32,}\\b");
	private static final Pattern ROLE = Pattern.compile("\\b(" + String.join("|",
			Arrays.stream(Role.values()).map(Role::name).toList()) + ")\\b");
	private static final Pattern SCOPE = Pattern.compile("\\b(REGION|DEPARTMENT|ORGANISATION|PERSON):(\\S+)");

	private final MessageSource messages;

	AuditWords(MessageSource messages) {
		this.messages = messages;
	}

	/** 登录; the code itself for an action no module named. */
	String action(String code, Locale locale) {
		var name = messages.getMessage("audit.action." + code, null, null, locale);
		return name == null ? code : name;
	}

	String outcome(AuditOutcome outcome, Locale locale) {
		return messages.getMessage("audit.outcome." + outcome.name(), null, outcome.name(), locale);
	}

	/** The role's title; for a failed sign-in, which has none, "not signed in". */
	String role(String role, Locale locale) {
		if (role == null || role.isBlank()) {
			return messages.getMessage("audit.role.none", null, locale);
		}
		try {
			return Role.valueOf(role).displayName(locale);
		}
		catch (IllegalArgumentException unknown) {
			return role;
		}
	}

	/** The kind of scope ({@code REGION}) and its value, as stored ({@code REGION:330600}). */
	static String[] scope(String scope) {
		if (scope == null || scope.isBlank() || "NONE".equals(scope) || scope.indexOf(':') < 0) {
			return new String[] { "NONE", null };
		}
		return scope.split(":", 2);
	}

	/** A scope in words for a file: 区划 330600, 单位 9133…, 劳动者本人 (never the keyed hash of an ID number). */
	String scopeWords(String scope, Locale locale) {
		var parts = scope(scope);
		return messages.getMessage("audit.scope." + parts[0], new Object[] { parts[1] }, locale);
	}

	/**
	 * What an action was done to, as {@code [kind in words, reference]}: {@code claim:12} is 补贴申请 and 12, an import
	 * kind ({@code persons:…}) its name; a target of no known kind (a username, a masked ID number) is all
	 * reference.
	 */
	String[] target(String target, Locale locale) {
		if (target == null || target.isBlank()) {
			return new String[] { null, null };
		}
		var colon = target.indexOf(':');
		var kind = colon < 0 ? target : target.substring(0, colon);
		var name = messages.getMessage("audit.target." + kind, null, null, locale);
		if (name == null) {
			name = messages.getMessage("imports.kind." + kind, null, null, locale);
		}
		if (name == null) {
			return new String[] { null, target };
		}
		return new String[] { name, colon < 0 ? null : target.substring(colon + 1) };
	}

	/** A target as one line of text, for a file: 补贴申请 12. */
	String targetWords(String target, Locale locale) {
		var parts = target(target, locale);
		return parts[0] == null ? parts[1] : parts[1] == null ? parts[0] : parts[0] + " " + parts[1];
	}

	/** What the writer noted, with role codes named, scopes in words and hashes grouped so they can be read out. */
	String detail(String detail, Locale locale) {
		if (detail == null || detail.isBlank()) {
			return null;
		}
		// the short notes sign-in and the four-eyes checks write ("bad totp", "four eyes") have names
		var known = messages.getMessage("audit.detail." + detail.strip().toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9]+", "-"), null, null, locale);
		if (known != null) {
			return known;
		}
		var text = replace(SCOPE, detail, m -> "PERSON".equals(m.group(1))
				? messages.getMessage("audit.scope.PERSON", null, locale)
				: messages.getMessage("audit.scope." + m.group(1), new Object[] { m.group(2) }, locale));
		text = replace(ROLE, text, m -> Role.valueOf(m.group(1)).displayName(locale));
		return replace(HEX, text, m -> grouped(m.group()));
	}

	/** A hash as 8-digit groups: a3f0c1d2 9b8e…, the way fingerprints are read aloud and compared. */
	static String grouped(String hex) {
		return hex == null ? null : String.join(" ", hex.split("(?<=\\G.{8})"));
	}

	static String hashOf(AuditEvent event) {
		return event.hash() == null ? null : grouped(event.hashHex());
	}

	private static String replace(Pattern pattern, String text, Function<Matcher, String> words) {
		var matcher = pattern.matcher(text);
		var out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(words.apply(matcher)));
		}
		matcher.appendTail(out);
		return out.toString();
	}
}
