package cn.gongjiang.certification;

import java.util.List;

/**
 * Many certificates issued at once (a chunk of an imported file), as one event: subsidies decide them together and
 * targets count them in one transaction, where {@link CertificateIssued} each would cost an event publication and a
 * transaction per listener and certificate (a province imports 3 M a year).
 */
public record CertificatesIssued(List<CertificateIssued> certificates) {

	/** Certificates per event: a chunk's JSON stays small in the publication registry. */
	public static final int CHUNK = 1_000;

	public CertificatesIssued {
		certificates = List.copyOf(certificates);
	}
}
