package cn.gongjiang.training;

import java.time.Instant;
import java.time.LocalDate;

/** A training order (培训订单, TRN-1) placed by an enterprise and taken up (接单) by a provider. */
public record TrainingOrder(long id, String enterpriseCode, String enterpriseName, Long demandItemId,
		String occupationCode, String grade, int headcount, LocalDate wantedStart, String county, String kind,
		boolean supplyChain, String status, String providerCode, String providerName, Instant acceptedAt,
		Instant createdAt) {

	/** What an enterprise orders. {@code supplyChain}: a lead enterprise ordering for its suppliers' staff. */
	public record Request(String enterpriseCode, Long demandItemId, String occupationCode, String grade,
			Integer headcount, LocalDate wantedStart, String county, String kind, boolean supplyChain) {
	}

	/** What became of an order: its classes and their trainees' outcome, for the enterprise that placed it. */
	public record Outcome(TrainingOrder order, java.util.List<ClassOutcome> classes) {
	}

	/** One class of the order: enrolled, completed, certified, and hired by the enterprise afterwards (就业). */
	public record ClassOutcome(long classId, String providerName, int enrolled, int completed, int certified,
			int hired) {
	}
}
