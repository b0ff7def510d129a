package cn.gongjiang.subsidy.decisions;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.registry.PersonProfile;
import cn.gongjiang.shared.JsonValues;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.subsidy.PolicyPack;
import cn.gongjiang.training.CatalogueEntry;
import cn.gongjiang.training.ClassEnrolments;

import tools.jackson.core.JsonGenerator;

/**
 * What a training-subsidy decision rested on, frozen with it (SUB-3): a later change to the person, the training or
 * the catalogue does not change what the decision was made on, and a what-if (SUB-5) re-runs the rules on exactly
 * these inputs under another pack. Only what the rules read, so a million decisions stay small.
 */
public record CaseInputs(String type, LocalDate issuedOn, Long enrolmentId, String trainingStatus, String trainingCountyPath,
		boolean trainingOwnedByHolder, boolean personKnown, LocalDate birthDate, String sex, String hukouPath,
		String residencePath, List<String> groups, int grantedThisYear, boolean grantedSameOccupationGrade,
		Integer catalogueStandard, boolean catalogueShortage, boolean mountainCounty) {

	private static final IdNumberIndex FROZEN_HOLDER = IdNumberIndex.of(new byte[] { 1 });
	private static final IdNumberIndex ANOTHER_HOLDER = IdNumberIndex.of(new byte[] { 2 });

	static CaseInputs of(SubsidyCase c) {
		var t = c.training();
		var p = c.person();
		var e = c.catalogueEntry();
		return new CaseInputs(c.certificate().type(), c.certificate().issuedOn(), c.certificate().trainingEnrolmentId(),
				t.map(ClassEnrolments.CompletedTraining::status).orElse(null),
				t.map(ClassEnrolments.CompletedTraining::countyPath).orElse(null),
				t.map(x -> x.holderIndex().equals(c.certificate().holderIndex())).orElse(false), p.isPresent(),
				p.map(PersonProfile::birthDate).orElse(null), p.map(PersonProfile::sex).orElse(null),
				p.map(PersonProfile::hukouPath).orElse(null), p.map(PersonProfile::residencePath).orElse(null),
				p.map(PersonProfile::groups).orElse(List.of()), c.grantedThisYear(), c.grantedSameOccupationGrade(),
				e.map(CatalogueEntry::standardYuan).orElse(null), e.map(CatalogueEntry::shortage).orElse(false),
				c.mountainCounty());
	}

	/**
	 * Writes these inputs field by field: the same JSON as data binding writes (StepJsonTests), without its
	 * reflection, for a million decisions at a time.
	 */
	void writeTo(JsonGenerator g) {
		g.writeStartObject();
		g.writeStringProperty("type", type);
		date(g, "issuedOn", issuedOn);
		g.writeName("enrolmentId");
		JsonValues.write(g, enrolmentId);
		g.writeStringProperty("trainingStatus", trainingStatus);
		g.writeStringProperty("trainingCountyPath", trainingCountyPath);
		g.writeBooleanProperty("trainingOwnedByHolder", trainingOwnedByHolder);
		g.writeBooleanProperty("personKnown", personKnown);
		date(g, "birthDate", birthDate);
		g.writeStringProperty("sex", sex);
		g.writeStringProperty("hukouPath", hukouPath);
		g.writeStringProperty("residencePath", residencePath);
		g.writeName("groups");
		JsonValues.write(g, groups);
		g.writeNumberProperty("grantedThisYear", grantedThisYear);
		g.writeBooleanProperty("grantedSameOccupationGrade", grantedSameOccupationGrade);
		g.writeName("catalogueStandard");
		JsonValues.write(g, catalogueStandard);
		g.writeBooleanProperty("catalogueShortage", catalogueShortage);
		g.writeBooleanProperty("mountainCounty", mountainCounty);
		g.writeEndObject();
	}

	private static void date(JsonGenerator g, String name, LocalDate date) {
		g.writeStringProperty(name, date == null ? null : date.toString());
	}

	/** The case again, for the rules, under the given packs. */
	public SubsidyCase toCase(long certificateId, String number, String occupationCode, String grade, PolicyPack province,
			Optional<PolicyPack> city) {
		// the rules compare the training's holder with the certificate's: any two equal indexes stand for "the same"
		var holder = FROZEN_HOLDER;
		var certificate = new CertificateIssued(certificateId, number, holder, type, occupationCode, grade, issuedOn,
				null, enrolmentId);
		var training = trainingStatus == null ? Optional.<ClassEnrolments.CompletedTraining>empty()
				: Optional.of(new ClassEnrolments.CompletedTraining(enrolmentId == null ? 0 : enrolmentId, 0, null,
						trainingStatus, trainingCountyPath, null, trainingOwnedByHolder ? holder : ANOTHER_HOLDER));
		var person = personKnown ? Optional.of(new PersonProfile(PersonId.of(0), null, null, sex, birthDate, null, hukouPath,
				residencePath, groups, null, holder)) : Optional.<PersonProfile>empty();
		var entry = catalogueStandard == null ? Optional.<CatalogueEntry>empty()
				: Optional.of(new CatalogueEntry(0, occupationCode, grade, catalogueStandard, catalogueShortage, issuedOn,
						null, null));
		return new SubsidyCase(certificate, training, person, province, city, grantedThisYear,
				grantedSameOccupationGrade, entry, mountainCounty);
	}
}
