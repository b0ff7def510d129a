package cn.gongjiang.certification;

import java.time.LocalDate;

/**
 * What public verification answers (CRT-2): only what verification needs, the holder's name masked. {@code type},
 * {@code occupation} and {@code grade} are in Chinese as the certificate prints them; the codes beside them let a
 * page name them in its own language. {@code revokedOn} is set for a revoked certificate.
 */
public record Verification(boolean valid, String number, String type, String occupation, String grade, String issuer,
		LocalDate issuedOn, String holder, String typeCode, String occupationCode, String gradeCode,
		LocalDate revokedOn) {
}
