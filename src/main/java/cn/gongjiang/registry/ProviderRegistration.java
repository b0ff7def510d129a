package cn.gongjiang.registry;

import java.time.LocalDate;

/** What is entered to register a training provider or update the one with the same credit code. */
public record ProviderRegistration(String creditCode, String name, String kind, String licenceNumber,
		LocalDate licenceValidUntil, String region, Integer starRating, Integer starYear, String status,
		String statusReason, LocalDate statusDate) {
}
