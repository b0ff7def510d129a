package cn.gongjiang.certification;

import java.time.LocalDate;

/** What an issuer submits for one certificate. {@code type} and {@code grade} by code or Chinese name. */
public record CertificateRequest(String number, String holderIdNumber, String holderName, String type,
		String occupationCode, String grade, LocalDate issuedOn, Long trainingEnrolmentId) {

	/** A certificate that did not come from a class the platform knows (by API or import). */
	public CertificateRequest(String number, String holderIdNumber, String holderName, String type,
			String occupationCode, String grade, LocalDate issuedOn) {
		this(number, holderIdNumber, holderName, type, occupationCode, grade, issuedOn, null);
	}
}
