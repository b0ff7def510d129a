package cn.gongjiang.registry;

/** The full numbers, for an account that holds the unmask permission; each read is audited. */
public record PersonUnmasked(long id, String name, String idNumber, String mobile) {
}
