package cn.gongjiang.subsidy.claims;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.registry.PersonProfile;

/**
 * Everything a claim under an enterprise scheme (SUB-4) is judged on: the claimant, the person it is for (when it is
 * for one), the evidence as given, the scheme's parameters from the city pack, what this person (or claimant) already
 * holds under the scheme, and the certificate the evidence names.
 */
record ClaimCase(String scheme, Claimant claimant, Optional<PersonProfile> person, Map<String, String> evidence,
		Map<String, Object> parameters, List<String> grantedPeriods, Optional<CertificateIssued> certificate,
		LocalDate today) {

	/** Who claims: an enterprise, a training provider or a technical school, and where it is. */
	record Claimant(String code, String name, String kind, String path, String industryField) {

		boolean school() {
			return kind.equals("TECHNICAL_SCHOOL") || kind.equals("SENIOR_TECHNICAL_SCHOOL")
					|| kind.equals("TECHNICIAN_COLLEGE");
		}
	}

	String evidence(String name) {
		var value = evidence.get(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	int intParameter(String name) {
		return ((Number) parameters.get(name)).intValue();
	}

	String clause() {
		return "绍兴市实施意见（2022-2025年） " + parameters.get("clause");
	}
}
