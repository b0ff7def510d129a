package cn.gongjiang.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.analytics.AnalyticsTables;
import cn.gongjiang.analytics.SkilledTalents;
import cn.gongjiang.shared.RegionCode;

/**
 * ANA-1 into TGT-2: the stock targets (技能人才总量 1,400万, 高技能人才总量 500万 and their shares; Shaoxing's
 * manufacturing totals) are measured by the analytics tables on the period's last day, not typed in and not summed
 * from events; a share whose employed figure is missing is unknown, never 0.
 */
@IntegrationTest
class SkilledStockIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	AnalyticsTables tables;

	@Autowired
	SkilledTalents talents;

	@Autowired
	Rollups rollups;

	@Test
	void theStockTargetsReadTheSkilledTalentsOfThePeriodsLastDay() throws Exception {
		tables.rebuild("OFFICER", "test");
		var end = LocalDate.of(2025, 12, 31);
		var province = talents.indicatorsAsOf(RegionCode.ZHEJIANG, end);
		assertThat(province.count().skilled()).as("the demo's certificates make skilled talents").isPositive();

		assertThat(actual("SKILLED_TALENTS_TOTAL", "330000")).isEqualByComparingTo(BigDecimal.valueOf(province.count().skilled()));
		assertThat(actual("HIGH_SKILLED_TOTAL", "330000")).isEqualByComparingTo(BigDecimal.valueOf(province.count().highSkilled()));
		assertThat(source("SKILLED_TALENTS_TOTAL", "330000")).isEqualTo("COMPUTED");
		var highShare = actual("HIGH_SKILLED_SHARE_OF_SKILLED", "330000");
		assertThat(highShare).isEqualByComparingTo(BigDecimal.valueOf(province.highSkilledShareOfSkilled() * 100)
				.setScale(1, RoundingMode.HALF_UP));
		// the share of the employed stands on the recorded employed figure of 2025 (the demo records 2024 and 2025)
		assertThat(province.employed()).isNotNull();
		assertThat(actual("SKILLED_SHARE_OF_EMPLOYED", "330000").doubleValue()).isCloseTo(
				100.0 * province.count().skilled() / province.employed().persons(), Offset.offset(0.05));
		// without an employed figure for the year the share is unknown, not 0
		assertThat(rollups.total("STOCK_SKILLED_SHARE_OF_EMPLOYED", "330000", null, LocalDate.of(2023, 12, 31))).isNull();
		var shaoxing = talents.countAsOf(RegionCode.of("330600"), end);
		assertThat(actual("MANUFACTURING_SKILLED_TOTAL", "330600"))
				.isEqualByComparingTo(BigDecimal.valueOf(shaoxing.manufacturingSkilled()));
		// a county's part of its city's stock target, as the county officer sees it, is the county's stock
		assertThat(rollups.total("STOCK_SKILLED", "330603", null, end))
				.isEqualByComparingTo(BigDecimal.valueOf(talents.countAsOf(RegionCode.of("330603"), end).skilled()));
	}

	private BigDecimal actual(String indicator, String region) throws Exception {
		Number value = JsonPath.read(row(indicator, region), "$[0].actual");
		return value == null ? null : new BigDecimal(value.toString());
	}

	private String source(String indicator, String region) throws Exception {
		return JsonPath.read(row(indicator, region), "$[0].actualSource");
	}

	private String row(String indicator, String region) throws Exception {
		var account = region.equals("330000") ? "province" : "shaoxing";
		return mvc.perform(get("/api/v1/targets").param("indicator", indicator).param("region", region)
				.header("Authorization", api.bearer(account))).andReturn().getResponse().getContentAsString();
	}
}
