package cn.gongjiang.registry;

/** What is entered to register an enterprise or update the one with the same credit code. */
public record EnterpriseRegistration(String creditCode, String name, String region, String industryField,
		String cluster, String size, boolean keyEnterprise, String keyReason, String skillBasedStatus,
		Integer skillBasedYear, boolean eightGradePilot) {
}
