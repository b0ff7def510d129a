package cn.gongjiang.registry;

/**
 * A person found or created by real name (实名) for another module's record: the registry id, the keyed ID-number
 * index other modules key their records by, and the masked number for display.
 */
public record RealName(long personId, byte[] idNumberIndex, String idNumberMasked, boolean created) {
}
