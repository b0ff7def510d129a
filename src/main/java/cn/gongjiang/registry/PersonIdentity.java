package cn.gongjiang.registry;

import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.PersonId;

/**
 * Who a keyed ID number is, for another module's checks (a certificate holder's or a student's name, where a holder
 * is placed): the person, their name, and their region path (residence, else hukou). Never the number itself.
 */
public record PersonIdentity(PersonId personId, IdNumberIndex idNumberIndex, String name, String regionPath) {
}
