package cn.gongjiang.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;

/** The region browser (REF-1, X-4): the tree beside the table, kinds in words, designation confirmed first. */
@IntegrationTest
class RegionPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Console console;

	@Test
	void onlyTheProvinceDesignatesMountainCountiesAndIsAskedFirst() throws Exception {
		var province = page("province", "/regions/330600");
		assertThat(province).contains("id=\"region-tree\"", "id=\"children\"", "data-confirm=\"将柯桥区标记为山区26县？");
		assertThat(page("shaoxing", "/regions/330600")).doesNotContain("data-confirm", "mountain-county\"");
	}

	@Test
	void kindsAndLevelsReadAsWordsInBothLanguages() throws Exception {
		assertThat(page("province", "/regions/330600")).contains(">市辖区</td>", ">县级市</td>");
		assertThat(page("province", "/regions/330600?lang=en")).contains(">District</td>", ">County-level city</td>")
				.doesNotContain(">市辖区</td>", "??");
	}

	private String page(String account, String path) throws Exception {
		return mvc.perform(get(path).session(console.session(account))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
	}
}
