package cn.gongjiang.registry;

import java.time.LocalDate;

/** A training provider of the registry (REG-3): kind, licence, star rating and whether it may still train. */
public record Provider(long id, String creditCode, String name, String kind, String licenceNumber,
		LocalDate licenceValidUntil, String region, Integer starRating, Integer starYear, String status,
		String statusReason, LocalDate statusDate, int version) {
}
