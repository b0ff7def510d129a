package cn.gongjiang.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.gongjiang.analytics.SkilledTalents;
import cn.gongjiang.shared.RegionCode;

/**
 * The stock indicators (ANA-1, TGT-2): how many skilled and high-skilled talents a region has on a day, and their
 * shares, as the analytics tables count them — a stock on a day, not a sum of events, so these facts ({@code STOCK_*})
 * are read here instead of from the daily rollup. Shares are percentages (35 = 35 %), one decimal; a share whose
 * employed figure is not recorded is unknown (null), never 0.
 */
@Component
class SkilledStock {

	static final String PREFIX = "STOCK_";

	private final SkilledTalents talents;

	SkilledStock(SkilledTalents talents) {
		this.talents = talents;
	}

	static boolean measures(String fact) {
		return fact != null && fact.startsWith(PREFIX);
	}

	/** The fact's value at the region on the day. */
	BigDecimal on(String fact, String regionCode, LocalDate day) {
		var indicators = talents.indicatorsAsOf(RegionCode.of(regionCode), day);
		var count = indicators.count();
		return switch (fact) {
			case "STOCK_SKILLED" -> BigDecimal.valueOf(count.skilled());
			case "STOCK_HIGH_SKILLED" -> BigDecimal.valueOf(count.highSkilled());
			case "STOCK_MANUFACTURING_SKILLED" -> BigDecimal.valueOf(count.manufacturingSkilled());
			case "STOCK_MANUFACTURING_HIGH_SKILLED" -> BigDecimal.valueOf(count.manufacturingHighSkilled());
			case "STOCK_SKILLED_SHARE_OF_EMPLOYED" -> percent(indicators.skilledShareOfEmployed());
			case "STOCK_HIGH_SKILLED_SHARE_OF_SKILLED" -> percent(indicators.highSkilledShareOfSkilled());
			default -> throw new IllegalArgumentException(fact);
		};
	}

	private static BigDecimal percent(Double share) {
		return share == null ? null : BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
	}
}
