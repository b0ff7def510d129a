package cn.gongjiang.certification;

import java.time.LocalDate;

/** A certificate as officers and its holder see it; the holder's ID number masked. */
public record Certificate(long id, String number, String type, String holderName, String holderIdMasked,
		String occupationCode, String grade, String issuer, LocalDate issuedOn, String status, String revokedReason,
		LocalDate revokedOn) {
}
