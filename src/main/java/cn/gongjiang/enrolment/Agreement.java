package cn.gongjiang.enrolment;

import java.time.LocalDate;

/** A joint programme with a partner province (ENR-4): N+N (省外学习N年、浙江学习N年) or N+N+N (两地交叉工作N年). */
public record Agreement(long id, String schoolCode, String partnerProvince, String partnerSchool, String mode,
		String years, LocalDate signedOn, LocalDate validUntil) {
}
