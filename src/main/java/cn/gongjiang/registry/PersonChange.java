package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.Map;

/**
 * A change of a person the registry records itself (REG-4): REGISTERED, EMPLOYER or RESIDENCE, with its values (codes,
 * never prose). Written by triggers on the person table, so that the bulk import writes them set-based; the archive
 * module shows them among a person's archive lines.
 */
public record PersonChange(LocalDate on, String kind, Map<String, Object> detail) {
}
