package cn.gongjiang.certification;

import java.time.LocalDate;

import cn.gongjiang.shared.IdNumberIndex;

/**
 * A certificate was issued: subsidies (SUB-3) and targets react. {@code holderIndex} is the keyed ID-number index;
 * {@code trainingEnrolmentId} the class enrolment it came from, null when the platform knows no training behind it.
 */
public record CertificateIssued(long certificateId, String number, IdNumberIndex holderIndex, String type,
		String occupationCode, String grade, LocalDate issuedOn, String issuer, Long trainingEnrolmentId) {
}
