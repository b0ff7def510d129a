package cn.gongjiang.shared;

import java.util.regex.Pattern;

/**
 * What a person's real name may hold: Chinese characters, Latin letters for foreign names, and between them
 * the middle dot of minority and transliterated names (阿依古丽·买买提), a space, a hyphen or an apostrophe. It must
 * begin with a letter, so that no name is read as a formula when a list is opened in a spreadsheet.
 */
public final class PersonName {

	public static final int MAX_LENGTH = 50;

	private static final Pattern NAME = Pattern
			.compile("[\\p{IsHan}\\p{IsLatin}][\\p{IsHan}\\p{IsLatin}\\p{M} ·•・‧.'-]*");

	private PersonName() {
	}

	public static boolean valid(String name) {
		return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
	}
}
