package cn.gongjiang.targets;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.gongjiang.registry.EnterprisesChanged;

/**
 * Skill-based enterprises (001 附件2, 技能型企业) from the enterprise registry. The registry knows the year of
 * recognition, not the day, so an enterprise counts from 1 January of that year: an as-of date inside the year
 * includes every recognition of the year known by then.
 */
@Component
class EnterpriseFacts {

	static final String SKILL_BASED_ENTERPRISES = "SKILL_BASED_ENTERPRISES";

	private final Rollups rollups;

	EnterpriseFacts(Rollups rollups) {
		this.rollups = rollups;
	}

	@ApplicationModuleListener
	void on(EnterprisesChanged changed) {
		for (var e : changed.enterprises()) {
			rollups.set(SKILL_BASED_ENTERPRISES, e.creditCode(), e.skillBasedStatus().equals("RECOGNISED")
					? Optional.of(Contribution.one(e.regionPath(), LocalDate.of(e.skillBasedYear(), 1, 1),
							"enterprise:" + e.creditCode()))
					: Optional.empty());
		}
	}
}
