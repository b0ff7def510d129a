package cn.gongjiang.recruitment.matching;

import java.util.Map;

/**
 * What the scorer reads of a person: the best grade rank per occupation their certificates attest, the occupation
 * they asked for, where they live, the wage they expect, why they may be contacted and whether they are placed.
 */
public record SeekerProfile(long personId, Map<String, Integer> skills, String wantedOccupation, String residencePath,
		Integer expectedWage, String basis, boolean placed) {
}
