package cn.gongjiang.certification;

import java.time.LocalDate;

/**
 * A certificate as officers and its holder see it; the holder's ID number masked. {@code evaluationFilingId}: the
 * filing under which the issuing body evaluated it (null: recorded by an officer, imported from a register, or a
 * training-completion certificate).
 */
public record Certificate(long id, String number, String type, String holderName, String holderIdMasked,
		String occupationCode, String grade, String issuer, LocalDate issuedOn, String status, String revokedReason,
		LocalDate revokedOn, Long evaluationFilingId) {
}
