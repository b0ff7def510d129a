package cn.gongjiang.recruitment;

import java.time.LocalDate;

/** A recruitment event took place (REC-1): on site counts for 订单式现场招聘活动, online for 技能人才云聘会. */
public record RecruitmentEventHeld(long eventId, boolean online, String organiserPath, LocalDate heldOn) {
}
