package cn.gongjiang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/** The security administrator opens accounts bound to a role and a scope of the right level. */
@IntegrationTest
class AccountAdministrationIntegrationTests {

	@Autowired
	AccountAdministration administration;

	@Autowired
	Accounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCityOfficerIsBoundToACityAndGetsItsPath() {
		var id = administration.open(secadmin(),
				new NewAccount("ningbo-officer", "宁波市局", Role.CITY_OFFICER, "330200", "Ningbo#2026ab"));
		var account = accounts.byId(id).orElseThrow();
		assertThat(account.scope().regionPath()).isEqualTo("/330000/330200/");
		assertThat(account.needsSecondFactor(true)).as("only demo accounts are exempt in demo mode").isTrue();
		assertThat(account.mustChangePassword()).as("the administrator's password is the owner's to replace").isTrue();
		assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'account.create' and target = 'ningbo-officer'")
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aScopeOfTheWrongLevelOrAnUnknownRegionIsRefused() {
		assertRefused(new NewAccount("wrong-level", "x", Role.CITY_OFFICER, "330603", "Officer#2026x"),
				"account.scope.region-level");
		assertRefused(new NewAccount("unknown-region", "x", Role.COUNTY_OFFICER, "339999", "Officer#2026x"),
				"account.scope.region-unknown");
		assertRefused(new NewAccount("bad-org", "x", Role.ENTERPRISE, "91330106MA2AB1C25A", "Officer#2026x"),
				"credit-code.check-character");
		assertRefused(new NewAccount("weak-officer", "x", Role.CITY_OFFICER, "330600", "password1"),
				"password.too-weak.privileged");
		assertRefused(new NewAccount("shaoxing", "x", Role.CITY_OFFICER, "330600", "Officer#2026x"),
				"account.username.taken");
	}

	@Test
	void onlyTheSecurityAdministratorOpensAccountsAndNotOnTheirOwn() {
		var request = new NewAccount("sneaky", "x", Role.PROVINCE_OFFICER, "330000", "Officer#2026x");
		for (var username : new String[] { "sysadmin", "auditor", "province" }) {
			assertThatThrownBy(() -> administration.open(actor(username), request))
					.isInstanceOf(AccessDeniedException.class);
		}
		var self = accounts.byUsername("secadmin").orElseThrow();
		assertThatThrownBy(() -> administration.setEnabled(secadmin(), self.id(), false, self.version()))
				.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theAccountPageShowsTheBrokenRuleAndKeepsWhatWasTyped() throws Exception {
		var session = console.session("secadmin");
		var refused = mvc.perform(post("/admin/accounts").session(session).with(csrf())
				.param("username", "page-officer").param("displayName", "嘉兴市局").param("role", "CITY_OFFICER")
				.param("scope", "330400").param("initialPassword", "short"))
				.andExpect(status().isOk())
				.andExpect(model().attribute("formError", "password.too-weak.privileged"))
				.andExpect(content().string(Matchers.containsString("value=\"嘉兴市局\"")))
				.andReturn();
		assertThat(refused.getResponse().getContentAsString()).doesNotContain("value=\"short\"");
		mvc.perform(post("/admin/accounts").session(session).with(csrf()).param("username", "page-officer")
				.param("displayName", "嘉兴市局").param("role", "CITY_OFFICER").param("scope", "330400")
				.param("initialPassword", "Jiaxing#2026x"))
				.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(accounts.byUsername("page-officer")).isPresent();
	}

	@Test
	void theSecurityAdministratorMovesAnAccountToAnotherScopeAndResetsItsPassword() throws Exception {
		var id = administration.open(secadmin(),
				new NewAccount("jiaxing-officer", "嘉兴市局", Role.CITY_OFFICER, "330400", "Jiaxing#2026ab"));
		var session = console.session("secadmin");
		mvc.perform(MockMvcRequestBuilders.get("/admin/accounts/" + id)
				.session(session)).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("jiaxing-officer")));
		mvc.perform(post("/admin/accounts/" + id + "/role").session(session).with(csrf()).param("role", "COUNTY_OFFICER")
				.param("scope", "330400").param("version", "0"))
				.andExpect(model().attribute("formError", "account.scope.region-level"));
		mvc.perform(post("/admin/accounts/" + id + "/role").session(session).with(csrf()).param("role", "COUNTY_OFFICER")
				.param("scope", "330402").param("mayUnmask", "true").param("version", "0"))
				.andExpect(redirectedUrl("/admin/accounts"));
		var moved = accounts.byId(id).orElseThrow();
		assertThat(moved.role()).isEqualTo(Role.COUNTY_OFFICER);
		assertThat(moved.scope().regionPath()).isEqualTo("/330000/330400/330402/");
		assertThat(moved.mayUnmask()).isTrue();
		mvc.perform(post("/admin/accounts/" + id + "/password").session(session).with(csrf())
				.param("password", "Reset#2026abc").param("version", String.valueOf(moved.version())))
				.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(accounts.byId(id).orElseThrow().mustChangePassword()).isTrue();
		assertThat(jdbc.sql("select string_agg(action, ',' order by id) from audit.audit_event where target = 'jiaxing-officer' and outcome = 'SUCCESS'")
				.query(String.class).single()).isEqualTo("account.create,account.role.change,account.password.reset");
	}

	private void assertRefused(NewAccount request, String code) {
		assertThatThrownBy(() -> administration.open(secadmin(), request))
				.isInstanceOf(BusinessException.class)
				.hasMessage(code);
	}

	private Actor secadmin() {
		return actor("secadmin");
	}

	private Actor actor(String username) {
		return accounts.byUsername(username).orElseThrow().actor();
	}
}
