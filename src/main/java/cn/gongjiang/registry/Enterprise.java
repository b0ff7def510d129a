package cn.gongjiang.registry;

/** An enterprise of the registry (REG-2). */
public record Enterprise(long id, String creditCode, String name, String region, String industryField, String cluster,
		String size, boolean keyEnterprise, String keyReason, String skillBasedStatus, Integer skillBasedYear,
		boolean eightGradePilot, int version) {
}
