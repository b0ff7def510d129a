package cn.gongjiang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.security.Role;

/**
 * The account pages as the security administrator reads them: paged and filtered, every scope in words
 * (never a region code or the hash a worker's scope is kept as), accounts opened with pickers; and the first
 * sign-in of an officer, which shows the authenticator's secret as a QR code.
 */
@IntegrationTest
class AccountPagesIntegrationTests {

	private static final Pattern ROW = Pattern.compile("<tr data-username=\"([^\"]+)\">");
	private static final Pattern HASH = Pattern.compile("[0-9a-f]{32,}");

	@Autowired
	MockMvc mvc;

	@Autowired
	Console console;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Test
	void theListPagesAndFilters() throws Exception {
		var session = console.session("secadmin");
		var all = accounts.all().size();
		var first = page(session, "/admin/accounts?size=3");
		assertThat(usernames(first)).hasSize(3).isSorted();
		assertThat(first).contains("共 " + all + " 条，当前第 1–3 条");
		var second = page(session, "/admin/accounts?size=3&page=2");
		assertThat(usernames(second)).hasSize(3).doesNotContainAnyElementsOf(usernames(first));
		assertThat(usernames(page(session, "/admin/accounts?role=WORKER"))).contains("worker-demo")
				.allMatch(u -> accounts.byUsername(u).orElseThrow().role() == Role.WORKER);
		assertThat(usernames(page(session, "/admin/accounts?q=keqiao"))).containsExactly("keqiao");
		assertThat(usernames(page(session, "/admin/accounts?q=柯桥区"))).contains("keqiao");
		assertThat(usernames(page(session, "/admin/accounts?sort=-username&size=1"))).containsExactly(
				accounts.all().stream().map(Account::username).sorted(Comparator.reverseOrder()).findFirst()
						.orElseThrow());

		var id = administration.open(accounts.byUsername("secadmin").orElseThrow().actor(),
				new NewAccount("paused-officer", "暂停的市局", Role.CITY_OFFICER, "330500", "Huzhou#2026ab"));
		var paused = accounts.byId(id).orElseThrow();
		mvc.perform(post("/admin/accounts/" + id + "/enabled").session(session).with(csrf())
				.param("enabled", "false").param("version", String.valueOf(paused.version())))
				.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(usernames(page(session, "/admin/accounts?status=DISABLED"))).contains("paused-officer")
				.doesNotContain("keqiao");
		assertThat(usernames(page(session, "/admin/accounts?status=ENABLED"))).contains("keqiao")
				.doesNotContain("paused-officer");
	}

	@Test
	void everyScopeReadsAsWords() throws Exception {
		var body = page(console.session("secadmin"), "/admin/accounts");
		var table = body.substring(body.indexOf("id=\"accounts\""), body.indexOf("</table>"));
		assertThat(cell(table, "worker-demo")).contains("本人：张明");
		assertThat(cell(table, "province")).contains("浙江省").doesNotContain("330000");
		assertThat(cell(table, "keqiao")).contains("绍兴市柯桥区");
		assertThat(cell(table, "enterprise-demo")).contains("绍兴示范机械有限公司");
		assertThat(cell(table, "provider-demo")).contains("绍兴市示范职业技能培训学校");
		assertThat(cell(table, "economy-dept")).contains("省经信厅");
		assertThat(cell(table, "shaoxing")).contains("市人社局工作人员");
		assertThat(HASH.matcher(table).find()).as("a hash in the accounts table").isFalse();
		assertThat(table).doesNotContain("PERSON:", "REGION:", "ORGANISATION:", "CITY_OFFICER", "WORKER<");
		var worker = accounts.byUsername("worker-demo").orElseThrow();
		var detail = page(console.session("secadmin"), "/admin/accounts/" + worker.id());
		assertThat(detail).contains("本人：张明", "当前绑定：张明");
		assertThat(HASH.matcher(detail).find()).as("a hash on the account page").isFalse();
	}

	@Test
	void anAccountIsOpenedWithTheRolesOwnPicker() throws Exception {
		var session = console.session("secadmin");
		var form = page(session, "/admin/accounts/new");
		assertThat(form).contains("data-region-picker", "name=\"scopeRegion\"", "name=\"scopeDepartment\"",
				"name=\"scopeEnterprise\"", "name=\"scopeIdNumber\"", "省经信厅");
		mvc.perform(post("/admin/accounts").session(session).with(csrf()).param("username", "yuecheng-page")
				.param("displayName", "越城区人社局").param("role", "COUNTY_OFFICER").param("scopeRegion", "330602")
				.param("scopeDepartment", "省经信厅").param("initialPassword", "Yuecheng#2026x"))
				.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(accounts.byUsername("yuecheng-page").orElseThrow().scope().regionPath())
				.isEqualTo("/330000/330600/330602/");
		mvc.perform(post("/admin/accounts").session(session).with(csrf()).param("username", "economy-page")
				.param("displayName", "经信厅二处").param("role", "DEPARTMENT_OFFICER").param("scopeRegion", "330602")
				.param("scopeDepartment", "省经信厅").param("initialPassword", "Economy#2026xy"))
				.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(accounts.byUsername("economy-page").orElseThrow().scope().value()).isEqualTo("省经信厅");
		mvc.perform(post("/admin/accounts").session(session).with(csrf()).param("username", "province-page")
				.param("displayName", "省厅二处").param("role", "PROVINCE_OFFICER")
				.param("initialPassword", "Province#2026xy"))
				.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(accounts.byUsername("province-page").orElseThrow().scope().value()).isEqualTo("330000");
		// a county officer bound to a city is refused in words, with the region named
		var refused = mvc.perform(post("/admin/accounts").session(session).with(csrf()).param("username", "wrong-page")
				.param("displayName", "错层级").param("role", "COUNTY_OFFICER").param("scopeRegion", "330600")
				.param("initialPassword", "Wrong#2026xyz")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(refused).contains("绍兴市 与角色的层级不符").contains("value=\"330600\"");
	}

	@Test
	void anOrganisationIsFoundByItsCreditCode() throws Exception {
		var session = console.session("secadmin");
		assertThat(mvc.perform(get("/admin/accounts/organisations.json").param("kind", "enterprise")
				.param("q", "91330603MA2D12345A").session(session)).andReturn().getResponse().getContentAsString())
				.contains("绍兴示范机械有限公司");
		assertThat(mvc.perform(get("/admin/accounts/organisations.json").param("kind", "provider")
				.param("q", "绍兴").session(session)).andReturn().getResponse().getContentAsString()).isEqualTo("[]");
		mvc.perform(get("/admin/accounts/organisations.json").param("q", "91330603MA2D12345A")
				.session(console.session("keqiao"))).andExpect(status().isForbidden());
	}

	@Test
	void anOfficersFirstSignInShowsTheSecretAsAQrCodeAndInGroupsOfFour() throws Exception {
		administration.open(accounts.byUsername("secadmin").orElseThrow().actor(),
				new NewAccount("qr-officer", "衢州市局", Role.CITY_OFFICER, "330800", "Quzhou#2026ab"));
		var login = mvc.perform(post("/login").with(csrf()).param("username", "qr-officer")
				.param("password", "Quzhou#2026ab")).andExpect(redirectedUrl("/login/totp")).andReturn();
		var session = (MockHttpSession) login.getRequest().getSession(false);
		var page = mvc.perform(get("/login/totp").session(session)).andExpect(status().isOk()).andReturn();
		var body = page.getResponse().getContentAsString();
		var secret = page.getModelAndView().getModel().get("secret").toString();
		assertThat(body).containsPattern("id=\"totp-qr\"><svg [^>]*role=\"img\"")
				.contains("<path fill=\"#000\" d=\"M")
				.contains(String.join(" ", secret.split("(?<=\\G.{4})")))
				.containsPattern("id=\"totp-secret\">([A-Z2-7]{4} )+[A-Z2-7]{1,4}<");
		assertThat(body).doesNotContain("otpauth://");
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}

	private static List<String> usernames(String page) {
		return ROW.matcher(page).results().map(m -> m.group(1)).toList();
	}

	/** The row of one account, as HTML. */
	private static String cell(String table, String username) {
		var at = table.indexOf("<tr data-username=\"" + username + "\">");
		assertThat(at).as("row of %s", username).isNotNegative();
		return table.substring(at, table.indexOf("</tr>", at));
	}
}
