package cn.gongjiang.certification;

import java.time.LocalDate;

/** What public verification answers (CRT-2): only what verification needs, the holder's name masked. */
public record Verification(boolean valid, String number, String type, String occupation, String grade, String issuer,
		LocalDate issuedOn, String holder) {
}
