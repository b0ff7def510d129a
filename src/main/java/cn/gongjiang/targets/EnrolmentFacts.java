package cn.gongjiang.targets;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.gongjiang.enrolment.RegistrationChanged;

/**
 * Technical-school enrolment (002 附件, ENR-6): a registration counts once for its intake year at the school's
 * region while it counts at all; a withdrawal or a transfer away takes it back. A registration made in December
 * for the next spring intake counts in the intake's year, from 1 January.
 */
@Component
class EnrolmentFacts {

	static final String TECH_SCHOOL_REGISTRATIONS = "TECH_SCHOOL_REGISTRATIONS";

	private final Rollups rollups;

	EnrolmentFacts(Rollups rollups) {
		this.rollups = rollups;
	}

	@ApplicationModuleListener
	void on(RegistrationChanged changed) {
		var yearStart = LocalDate.of(changed.intakeYear(), 1, 1);
		var day = changed.registeredOn().isBefore(yearStart) ? yearStart : changed.registeredOn();
		rollups.set(TECH_SCHOOL_REGISTRATIONS, String.valueOf(changed.registrationId()), changed.counts()
				? Optional.of(Contribution.one(changed.schoolPath(), day, "registration:" + changed.registrationId()))
				: Optional.empty());
	}
}
