package cn.gongjiang.training;

import java.time.LocalDate;

/** An entry of the subsidised training catalogue (政府补贴职业技能培训目录, DEM-3): occupation, grade, standard, validity. */
public record CatalogueEntry(long id, String occupationCode, String grade, int standardYuan, boolean shortage,
		LocalDate validFrom, LocalDate validUntil, String basis) {

	public boolean validOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
	}
}
