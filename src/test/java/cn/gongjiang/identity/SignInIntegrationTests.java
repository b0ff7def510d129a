package cn.gongjiang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestClock;
import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/** Sign-in rules (MLPS level 3): lockout, TOTP for officers, token expiry, production refusing demo passwords. */
@IntegrationTest
class SignInIntegrationTests {

	private static final String PASSWORD = "Officer#2026x";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	TestClock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountForFifteenMinutes() throws Exception {
		var username = newWorker("lockout-worker");
		for (int i = 1; i <= 5; i++) {
			tokenRequest(username, "wrong-password-" + i, null).andExpect(status().isUnauthorized())
					.andExpect(jsonPath("$.code").value("auth.bad-credentials"));
		}
		// a locked account answers a wrong password exactly as an unknown account does
		var locked = tokenRequest(username, "wrong-password-6", null).andExpect(status().isUnauthorized())
				.andReturn().getResponse().getContentAsString();
		var unknown = tokenRequest("nobody-" + username, "wrong-password-6", null).andExpect(status().isUnauthorized())
				.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(locked, "$.code"))
				.isEqualTo(JsonPath.<String>read(unknown, "$.code")).isEqualTo("auth.bad-credentials");
		assertThat(JsonPath.<String>read(locked, "$.detail"))
				.isEqualTo(JsonPath.<String>read(unknown, "$.detail"));
		// the right password does not open a locked account; only its owner learns it is locked
		tokenRequest(username, PASSWORD, null).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("auth.locked"));
		clock.advance(Duration.ofMinutes(14));
		tokenRequest(username, PASSWORD, null).andExpect(status().isUnauthorized());
		clock.advance(Duration.ofMinutes(2));
		tokenRequest(username, PASSWORD, null).andExpect(status().isOk());
		var failures = jdbc.sql("select count(*) from audit.audit_event where account = :u and action = 'login' and outcome <> 'SUCCESS'")
				.param("u", username).query(Long.class).single();
		assertThat(failures).as("five failures and three refusals while locked").isEqualTo(8);
	}

	@Test
	void aUsernameOfTenThousandCharactersIsRefusedLikeAnyUnknownOneAndAuditedAbbreviated() throws Exception {
		// random characters: PostgreSQL would compress a run of one character and hide the index limit
		var typed = new Random(7).ints(10_000, 0x4E00, 0x9FA6)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
		tokenRequest(typed, PASSWORD, null).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("auth.bad-credentials"));
		assertThat(jdbc.sql("select account from audit.audit_event where account like :prefix")
				.param("prefix", typed.substring(0, 64) + "%").query(String.class).single())
				.isEqualTo(typed.substring(0, 64) + "…");
	}

	@Test
	void theConsoleLocksToo() throws Exception {
		var username = newWorker("console-lockout");
		for (int i = 1; i <= 4; i++) {
			mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "nope" + i))
					.andExpect(redirectedUrl("/login?error=auth.bad-credentials"));
		}
		assertThat(accounts.byUsername(username).orElseThrow().failedAttempts()).isEqualTo(4);
		mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "nope5"))
				.andExpect(redirectedUrl("/login?error=auth.bad-credentials"));
		mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
				.andExpect(redirectedUrl("/login?error=auth.locked"));
	}

	@Test
	void anOfficerNeedsATotpCodeAndEnrolsAtFirstSignIn() throws Exception {
		var username = newOfficer("totp-officer");
		tokenRequest(username, PASSWORD, null).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("auth.totp-not-enrolled"));

		// console: the password step opens only the TOTP page, which offers a secret to enrol
		var login = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
				.andExpect(redirectedUrl("/login/totp")).andReturn();
		var session = (MockHttpSession) login.getRequest().getSession(false);
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/totp"));
		var page = mvc.perform(get("/login/totp").session(session)).andExpect(status().isOk()).andReturn();
		var secret = page.getModelAndView().getModel().get("secret").toString();
		mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", "000000"))
				.andExpect(status().isOk());
		mvc.perform(post("/login/totp").session(session).with(csrf())
				.param("code", Totp.code(secret, clock.instant())))
				.andExpect(redirectedUrl("/"));
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		var stored = jdbc.sql("select totp_secret_sealed from identity.account where username = :u")
				.param("u", username).query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("sealed at rest")
				.doesNotContain(secret);

		// API: now the code is required, and each code works once
		clock.advance(Duration.ofSeconds(30));
		tokenRequest(username, PASSWORD, null).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("auth.totp-required"));
		var code = Totp.code(secret, clock.instant());
		tokenRequest(username, PASSWORD, code).andExpect(status().isOk());
		tokenRequest(username, PASSWORD, code).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("auth.bad-credentials"));
	}

	@Test
	void aTokenLapsesAfterThirtyIdleMinutesAndSlidesWithUse() throws Exception {
		var token = "Bearer " + api.token(newWorker("token-worker"), PASSWORD, null);
		clock.advance(Duration.ofMinutes(25));
		mvc.perform(get("/api/v1/skill-grades").header("Authorization", token)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(25));
		mvc.perform(get("/api/v1/skill-grades").header("Authorization", token)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(31));
		mvc.perform(get("/api/v1/skill-grades").header("Authorization", token))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Bearer"))
				.andExpect(jsonPath("$.code").value("auth.required"));
	}

	@Test
	void disablingAnAccountRevokesItsTokens() throws Exception {
		var username = newWorker("disabled-worker");
		var token = "Bearer " + api.token(username, PASSWORD, null);
		var account = accounts.byUsername(username).orElseThrow();
		administration.setEnabled(secadmin(), account.id(), false, account.version());
		mvc.perform(get("/api/v1/skill-grades").header("Authorization", token)).andExpect(status().isUnauthorized());
		tokenRequest(username, PASSWORD, null).andExpect(jsonPath("$.code").value("auth.disabled"));
		tokenRequest(username, "not-the-password", null).andExpect(jsonPath("$.code").value("auth.bad-credentials"));
	}

	@Test
	void aProductionStartRefusesDemoAccountsThatStillHaveTheDemoPassword() {
		var production = new DemoMode(new MockEnvironment().withProperty("gongjiang.demo", "false"));
		var bootstrap = new AccountBootstrap(accounts, administration, passwords, production, new MockEnvironment());
		assertThatThrownBy(() -> bootstrap.run(null))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("demo password");
	}

	@Test
	void aPasswordSetByTheAdministratorMustBeChangedBeforeAnythingElse() throws Exception {
		var username = "fresh-worker";
		administration.open(secadmin(), new NewAccount(username, "新账户", Role.WORKER, idNumberFor(username), PASSWORD));
		tokenRequest(username, PASSWORD, null).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("auth.password-change-required"));
		var login = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
				.andExpect(redirectedUrl("/account/password")).andReturn();
		var session = (MockHttpSession) login.getRequest().getSession(false);
		mvc.perform(get("/occupations").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(post("/account/password").session(session).with(csrf()).param("current", "wrong")
				.param("replacement", "worker2027new").param("confirmation", "worker2027new"))
				.andExpect(status().isOk())
				.andExpect(MockMvcResultMatchers.model()
						.attribute("error", "password.current-wrong"));
		mvc.perform(post("/account/password").session(session).with(csrf()).param("current", PASSWORD)
				.param("replacement", "short").param("confirmation", "short"))
				.andExpect(MockMvcResultMatchers.model()
						.attribute("error", "password.too-weak"));
		mvc.perform(post("/account/password").session(session).with(csrf()).param("current", PASSWORD)
				.param("replacement", "worker2027new").param("confirmation", "worker2027new"))
				.andExpect(redirectedUrl("/?passwordChanged"));
		mvc.perform(get("/occupations").session(session)).andExpect(status().isOk());
		tokenRequest(username, "worker2027new", null).andExpect(status().isOk());
		tokenRequest(username, PASSWORD, null).andExpect(status().isUnauthorized());
	}

	@Test
	void theDemoExemptionFromTheSecondFactorEndsWithDemoMode() {
		var province = accounts.byUsername("province").orElseThrow();
		assertThat(province.needsSecondFactor(true)).isFalse();
		assertThat(province.needsSecondFactor(false)).isTrue();
		assertThat(accounts.byUsername("worker-demo").orElseThrow().needsSecondFactor(false)).isFalse();
	}

	@Test
	void demoAccountsExistWithTheirScopes() {
		assertThat(accounts.byUsername("shaoxing").orElseThrow().scope().regionPath()).isEqualTo("/330000/330600/");
		assertThat(accounts.byUsername("keqiao").orElseThrow().scope().regionPath())
				.isEqualTo("/330000/330600/330603/");
		assertThat(accounts.byUsername("auditor").orElseThrow().role()).isEqualTo(Role.AUDITOR);
		assertThat(accounts.all()).extracting(Account::username).contains("sysadmin", "secadmin", "auditor",
				"province", "hangzhou", "shaoxing", "keqiao", "enterprise-demo", "provider-demo", "school-demo",
				"worker-demo");
	}

	private ResultActions tokenRequest(String username, String password,
			String totp) throws Exception {
		var body = totp == null ? "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)
				: "{\"username\":\"%s\",\"password\":\"%s\",\"totp\":\"%s\"}".formatted(username, password, totp);
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private String newWorker(String username) {
		administration.open(secadmin(), new NewAccount(username, "测试劳动者", Role.WORKER, idNumberFor(username), PASSWORD));
		return passwordChangedByOwner(username);
	}

	/** As if the owner had already replaced the initial password (the flow itself is tested below). */
	private String passwordChangedByOwner(String username) {
		jdbc.sql("update identity.account set must_change_password = false where username = :u").param("u", username)
				.update();
		return username;
	}

	/** A valid ID number of its own for each test worker. */
	static String idNumberFor(String username) {
		return IdNumber.withCheckDigit(
				"33060219900101" + String.format("%03d", Math.floorMod(username.hashCode(), 1000)));
	}

	private String newOfficer(String username) {
		administration.open(secadmin(), new NewAccount(username, "测试市局", Role.CITY_OFFICER, "330600", PASSWORD));
		return passwordChangedByOwner(username);
	}

	private Actor secadmin() {
		return accounts.byUsername("secadmin").orElseThrow().actor();
	}
}
