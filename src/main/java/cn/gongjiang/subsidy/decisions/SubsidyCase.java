package cn.gongjiang.subsidy.decisions;

import java.util.Optional;

import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.registry.PersonProfile;
import cn.gongjiang.subsidy.PolicyPack;
import cn.gongjiang.training.CatalogueEntry;
import cn.gongjiang.training.ClassEnrolments;

/** Everything a training-subsidy decision rests on, gathered once and frozen with the decision. */
record SubsidyCase(CertificateIssued certificate, Optional<ClassEnrolments.CompletedTraining> training,
		Optional<PersonProfile> person, PolicyPack province, Optional<PolicyPack> city, int grantedThisYear,
		boolean grantedSameOccupationGrade, Optional<CatalogueEntry> catalogueEntry, boolean mountainCounty) {
}
