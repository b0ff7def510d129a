package cn.gongjiang.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;

/** REF-1..6 loaded by migration and served by the API. */
@IntegrationTest
class ReferenceDataIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRegionTreeHasTheProvinceElevenCitiesNinetyCountiesAnd1387Townships() {
		var perLevel = jdbc.sql("select level, count(*) from region.region group by level order by level")
				.query((rs, i) -> Map.entry(rs.getInt(1), rs.getInt(2))).list();
		assertThat(perLevel).containsExactly(Map.entry(1, 1), Map.entry(2, 11), Map.entry(3, 90), Map.entry(4, 1387));
	}

	@Test
	void the26MountainCountiesAreFlagged() {
		var names = jdbc.sql("select name from region.region where mountain_county").query(String.class).list();
		assertThat(names).hasSize(26).contains("淳安县", "景宁畲族自治县", "柯城区", "龙泉市", "磐安县");
	}

	@Test
	void everyRegionsPathRunsThroughItsParent() {
		var orphans = jdbc.sql("""
				select count(*) from region.region c join region.region p on p.code = c.parent_code
				where c.path <> p.path || c.code || '/' or c.level <> p.level + 1
				""").query(Long.class).single();
		assertThat(orphans).isZero();
	}

	@Test
	void theProvinceHasElevenCities() throws Exception {
		mvc.perform(get("/api/v1/regions/330000/children").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(11)))
				.andExpect(jsonPath("$[0].code").value("330100"))
				.andExpect(jsonPath("$[0].name").value("杭州市"))
				.andExpect(jsonPath("$[10].name").value("丽水市"))
				.andExpect(jsonPath("$[0].level").value("CITY"));
	}

	@Test
	void shaoxingHasItsSixCounties() throws Exception {
		mvc.perform(get("/api/v1/regions/330600/children").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].code").value(contains("330602", "330603", "330604", "330624", "330681", "330683")))
				.andExpect(jsonPath("$[*].name").value(contains("越城区", "柯桥区", "上虞区", "新昌县", "诸暨市", "嵊州市")))
				.andExpect(jsonPath("$[*].mountainCounty").value(contains(false, false, false, false, false, false)));
	}

	@Test
	void aMountainCountyIsMarked() throws Exception {
		mvc.perform(get("/api/v1/regions/331127").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("景宁畲族自治县"))
				.andExpect(jsonPath("$.mountainCounty").value(true));
	}

	@Test
	void anUnknownRegionIs404AndAMalformedOne400AsProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/regions/339999").header("Authorization", api.bearer("province")))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.code").value("region.not-found"))
				.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/api/v1/regions/33-06").header("Authorization", api.bearer("province"))
				.header("Accept-Language", "en"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("region.code.format"))
				.andExpect(jsonPath("$.detail", startsWith("Region code 33-06 is malformed")));
	}

	@Test
	void theOccupationClassificationHasItsOfficialCounts() {
		var perLevel = jdbc.sql("select level, count(*) from occupation.occupation group by level order by level")
				.query((rs, i) -> Map.entry(rs.getInt(1), rs.getInt(2))).list();
		assertThat(perLevel).containsExactly(Map.entry(1, 8), Map.entry(2, 79), Map.entry(3, 450), Map.entry(4, 1639));
	}

	@Test
	void anOccupationIsFoundByCode() throws Exception {
		mvc.perform(get("/api/v1/occupations/6-18-01-01").header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("车工"))
				.andExpect(jsonPath("$.level").value(4))
				.andExpect(jsonPath("$.parentCode").value("6-18-01"))
				.andExpect(jsonPath("$.green").value(false))
				.andExpect(jsonPath("$.digital").value(false));
	}

	@Test
	void occupationsAreSearchedByNameExactMatchFirst() throws Exception {
		mvc.perform(get("/api/v1/occupations").param("q", "车工").header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].code").value("6-18-01-01"));
	}

	@Test
	void unknownAndMalformedOccupationCodesAreProblems() throws Exception {
		mvc.perform(get("/api/v1/occupations/6-18-01-99").header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("occupation.not-found"));
		mvc.perform(get("/api/v1/occupations/6-18-1").header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("occupation.code.format"));
	}

	@Test
	void theEightSkillGradesComeInOrder() throws Exception {
		mvc.perform(get("/api/v1/skill-grades").header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(8)))
				.andExpect(jsonPath("$[0].nameZh").value("学徒工"))
				.andExpect(jsonPath("$[3].nameZh").value("高级工"))
				.andExpect(jsonPath("$[3].highSkilled").value(true))
				.andExpect(jsonPath("$[2].highSkilled").value(false))
				.andExpect(jsonPath("$[7].nameZh").value("首席技师"));
	}

	@Test
	void personGroupsAndIndustryFieldsAreCodeLists() throws Exception {
		mvc.perform(get("/api/v1/catalogues/person-group").header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].nameZh").value(Matchers.hasItems("农村转移劳动者", "两后生", "外卖骑手")));
		mvc.perform(get("/api/v1/catalogues/industry-field").header("Authorization", api.bearer("worker-demo")))
				.andExpect(jsonPath("$[?(@.source == '004')].nameZh").value(containsInAnyOrder("高端装备", "新材料", "电子信息", "现代医药")));
		// REF-6: every field 001 附件1 trains in
		mvc.perform(get("/api/v1/catalogues/industry-field").header("Authorization", api.bearer("worker-demo")))
				.andExpect(jsonPath("$[*].nameZh").value(Matchers.hasItems("健康管理服务", "长期照护服务",
						"文化旅游服务", "研发设计服务", "测绘服务", "检验检测服务", "人力资源服务", "生态环境服务", "育婴托幼服务",
						"高危行业", "平台经济")));
		mvc.perform(get("/api/v1/certificate-types").header("Authorization", api.bearer("worker-demo")))
				.andExpect(jsonPath("$", hasSize(4)));
	}

	@Test
	void theApiNeedsABearerToken() throws Exception {
		mvc.perform(get("/api/v1/regions/330000"))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("auth.required"));
		mvc.perform(get("/api/v1/regions/330000").header("Authorization", "Bearer not-a-token"))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("auth.required"));
	}
}
