package cn.gongjiang.targets;

import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.gongjiang.recruitment.PlacementRecorded;
import cn.gongjiang.recruitment.RecruitmentEventHeld;

/**
 * Recruitment's records as actuals (REC-1, REC-3): each event held counts once for 订单式现场招聘活动 (on site) or
 * 技能人才云聘会 (online) in its organiser's region; each vocational graduate hired counts once a year for
 * 引进职业院校毕业生 in the enterprise's region, however many hires of the same person that year.
 */
@Component
class RecruitmentFacts {

	static final String ONSITE = "ONSITE_RECRUITMENT_EVENTS_HELD";
	static final String ONLINE = "ONLINE_RECRUITMENT_FAIRS_HELD";
	static final String GRADUATES = "GRADUATE_PLACEMENTS";

	private final Rollups rollups;

	RecruitmentFacts(Rollups rollups) {
		this.rollups = rollups;
	}

	@ApplicationModuleListener
	void on(RecruitmentEventHeld held) {
		rollups.set(held.online() ? ONLINE : ONSITE, "event:" + held.eventId(),
				Optional.of(Contribution.one(held.organiserPath(), held.heldOn(), "event:" + held.eventId())));
	}

	@ApplicationModuleListener
	void on(PlacementRecorded placed) {
		if (!placed.graduate()) {
			return;
		}
		rollups.set(GRADUATES, placed.personIndex().hex() + ":" + placed.startsOn().getYear(),
				Optional.of(Contribution.one(placed.enterprisePath(), placed.startsOn(), "placement:" + placed.placementId())));
	}
}
