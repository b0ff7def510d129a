package cn.gongjiang.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A training order (培训订单, TRN-1) placed by an enterprise and taken up (接单) by providers in parts, each part a
 * class: {@code planned} seats of its {@code headcount} are in classes; {@code providerCode} is the first to take it.
 */
public record TrainingOrder(long id, String enterpriseCode, String enterpriseName, Long demandItemId,
		String occupationCode, String grade, int headcount, int planned, LocalDate wantedStart, String county,
		String kind, boolean supplyChain, String status, String providerCode, String providerName, Instant acceptedAt,
		Instant createdAt) {

	/** Seats no class holds yet. */
	public int remaining() {
		return headcount - planned;
	}

	/** What an enterprise orders. {@code supplyChain}: a lead enterprise ordering for its suppliers' staff. */
	public record Request(String enterpriseCode, Long demandItemId, String occupationCode, String grade,
			Integer headcount, LocalDate wantedStart, String county, String kind, boolean supplyChain) {
	}

	/**
	 * What became of an order, for the enterprise that placed it: its classes and their trainees' outcome, and the
	 * order's totals summed over them.
	 */
	public record Outcome(TrainingOrder order, List<ClassOutcome> classes, int enrolled, int completed, int certified,
			int hired) {

		public static Outcome of(TrainingOrder order, List<ClassOutcome> classes) {
			return new Outcome(order, classes, classes.stream().mapToInt(ClassOutcome::enrolled).sum(),
					classes.stream().mapToInt(ClassOutcome::completed).sum(),
					classes.stream().mapToInt(ClassOutcome::certified).sum(),
					classes.stream().mapToInt(ClassOutcome::hired).sum());
		}
	}

	/** One class of the order: enrolled, completed, certified, and hired by the enterprise afterwards (就业). */
	public record ClassOutcome(long classId, String providerName, int enrolled, int completed, int certified,
			int hired) {
	}
}
