package cn.gongjiang.training;

import java.time.LocalDate;

import cn.gongjiang.shared.IdNumberIndex;

/**
 * A trainee completed a class (attendance met its rule). {@code orderId} when the class came from an order
 * (订单式): targets count those as order-based training person-times at the order's county, and the order's
 * enterprise ({@code orderEnterpriseCode}) as served. {@code classKind}: what kind of class it was (an apprenticeship,
 * a named school-enterprise class …), which targets count too.
 */
public record TrainingCompleted(long enrolmentId, long classId, Long orderId, IdNumberIndex holderIndex, String regionPath,
		String occupationCode, String grade, LocalDate completedOn, String classKind, String orderEnterpriseCode) {
}
