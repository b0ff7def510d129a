package cn.gongjiang.training;

import java.time.LocalDate;

/**
 * A trainee completed a class (attendance met its rule). {@code orderId} when the class came from an order
 * (订单式): targets count those as order-based training person-times at the order's county.
 */
public record TrainingCompleted(long enrolmentId, long classId, Long orderId, String holderIndex, String regionPath,
		String occupationCode, String grade, LocalDate completedOn) {
}
