package cn.gongjiang.training;

import java.time.LocalDate;

import cn.gongjiang.shared.PersonId;

/**
 * An enterprise recognised its employee's skill grade (001 (七)): by its own evaluation or directly, with the basis
 * and the reason. The lifelong archive records it.
 */
public record GradeRecognised(PersonId personId, LocalDate on, String grade, String occupationCode, String basis,
		String reason, String enterpriseName, String enterpriseCreditCode) {
}
