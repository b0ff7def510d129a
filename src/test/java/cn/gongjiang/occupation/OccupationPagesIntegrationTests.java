package cn.gongjiang.occupation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;

/** The occupation pages (REF-2, X-4): browsed from the 大类 down, searched with a count, flags in words. */
@IntegrationTest
class OccupationPagesIntegrationTests {

	private static final Pattern ROW = Pattern.compile("<tr data-code=\"([0-9-]+)\">");

	@Autowired
	MockMvc mvc;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theClassificationIsBrowsedFromItsMajorGroupsDown() throws Exception {
		var top = page("/occupations");
		assertThat(ROW.matcher(top).results().count()).isEqualTo(8);
		var group = page("/occupations?parent=6");
		assertThat(ROW.matcher(group).results().map(m -> m.group(1))).allMatch(c -> c.startsWith("6-"));
		assertThat(group).contains("id=\"occupation-path\"", "全部大类", "生产制造及有关人员");
	}

	@Test
	void aSearchSaysHowManyItFoundAndPages() throws Exception {
		var total = jdbc.sql("select count(*) from occupation.occupation where name like '%工%' or code like '工%'")
				.query(Long.class).single();
		var found = page("/occupations?q=工");
		assertThat(found).contains("找到 " + String.format("%,d", total) + " 个");
		assertThat(ROW.matcher(found).results().count()).isEqualTo(Math.min(50, total));
		assertThat(found).contains("page=2");
		assertThat(page("/occupations?q=车工")).contains("6-18-01-01", "车工", "机械冷加工人员");
	}

	@Test
	void greenAndDigitalOccupationsAreMarkedInWords() throws Exception {
		var green = page("/occupations?flag=green");
		var greens = jdbc.sql("select count(*) from occupation.occupation where green").query(Long.class).single();
		assertThat(green).contains("找到 " + greens + " 个", ">绿色职业</span>").doesNotContain(">true<", ">false<");
		assertThat(page("/occupations?flag=digital&lang=en")).contains(">Digital occupation</span>");
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).session(console.session("worker-demo"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
	}
}
