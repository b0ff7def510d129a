package cn.gongjiang.registry;

import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.PersonId;

/**
 * A person found or created by real name (实名) for another module's record: the registry id, the keyed ID-number
 * index other modules key their records by, and the masked number for display.
 */
public record RealName(PersonId personId, IdNumberIndex idNumberIndex, String idNumberMasked, boolean created) {
}
