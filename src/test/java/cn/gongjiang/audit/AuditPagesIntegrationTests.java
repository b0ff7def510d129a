package cn.gongjiang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;

/**
 * The auditor's page (X-2, X-4): the log paged by keyset, filtered, every action, role and outcome in words, one
 * event in full, and the filtered set as an xlsx named in Chinese whose download is itself in the log.
 */
@IntegrationTest
class AuditPagesIntegrationTests {

	private static final Pattern ROW = Pattern.compile("<tr data-id=\"(\\d+)\">");
	private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");
	private static final Pattern PREVIOUS = Pattern.compile("rel=\"prev\" href=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theLogPagesByKeysetNewestFirst() throws Exception {
		for (int i = 0; i < 3; i++) {
			console.session("hangzhou");
		}
		var session = console.session("auditor");
		var first = page(session, "/audit");
		var firstIds = ids(first);
		assertThat(firstIds).hasSize(50).isSortedAccordingTo(Comparator.reverseOrder());
		var next = link(NEXT, first);
		assertThat(next).contains("after=" + firstIds.get(49)).contains("page=2");
		var second = page(session, next);
		var secondIds = ids(second);
		assertThat(secondIds).isNotEmpty().allMatch(id -> id < firstIds.get(49));
		assertThat(second).contains("当前第 51–");
		var back = link(PREVIOUS, second);
		assertThat(back).contains("before=" + secondIds.get(0));
		assertThat(ids(page(session, back))).containsAll(firstIds);
	}

	@Test
	void theLogFiltersByAccountActionOutcomeAndDays() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", "hangzhou").param("password", "wrong"));
		console.session("hangzhou");
		var session = console.session("auditor");
		var today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		var failed = page(session, "/audit?account=hangzhou&action=login&outcome=FAILURE&from=" + today + "&to=" + today);
		var failedIds = ids(failed);
		assertThat(failedIds).isNotEmpty();
		assertThat(jdbc.sql("select count(*) from audit.audit_event where id in (:ids) and account = 'hangzhou' "
				+ "and action = 'login' and outcome = 'FAILURE'").param("ids", failedIds).query(Long.class).single())
				.isEqualTo(failedIds.size());
		assertThat(failed).contains(">失败</span>", ">登录</span>", "<option value=\"FAILURE\" selected=\"selected\">失败</option>");
		// a group of actions by its prefix
		var accounts = ids(page(session, "/audit?action=account."));
		assertThat(jdbc.sql("select count(*) from audit.audit_event where id in (:ids) and action not like 'account.%'")
				.param("ids", accounts.isEmpty() ? List.of(-1L) : accounts).query(Long.class).single()).isZero();
		// a day after the newest record (another test may have moved the platform's clock on)
		var after = jdbc.sql("select max(occurred_at) from audit.audit_event").query(Timestamp.class).single()
				.toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(1);
		assertThat(ids(page(session, "/audit?from=" + after))).isEmpty();
		assertThat(page(session, "/audit?from=" + after)).contains("没有符合条件的记录");
	}

	@Test
	void theApiSaysHowManyRowsMatch(@Autowired Api api) throws Exception {
		var expected = jdbc.sql("select count(*) from audit.audit_event where account = 'auditor' and action = 'login'")
				.query(Long.class).single();
		var response = mvc.perform(get("/api/v1/audit-events").param("account", "auditor").param("action", "login")
				.param("size", "2").header("Authorization", api.bearer("auditor"))).andExpect(status().isOk())
				.andReturn().getResponse();
		// the token request is itself a sign-in, recorded before the search counts
		assertThat(Long.parseLong(response.getHeader("X-Total-Count"))).isBetween(expected, expected + 1);
	}

	@Test
	void actionsRolesAndOutcomesReadAsWords() throws Exception {
		console.session("keqiao");
		var body = page(console.session("auditor"), "/audit?account=keqiao&action=login");
		var table = text(body.substring(body.indexOf("id=\"audit-events\""), body.indexOf("</table>")));
		assertThat(table).contains("登录", "县(市、区)人社局工作人员", "成功")
				.doesNotContain("COUNTY_OFFICER", "SUCCESS", "REGION:");
		var english = page(console.session("auditor"), "/audit?account=keqiao&action=login&lang=en");
		assertThat(text(english.substring(english.indexOf("id=\"audit-events\"")))).contains("Sign-in", "County officer",
				"Succeeded");
		var id = ids(body).get(0);
		var event = page(console.session("auditor"), "/audit/" + id);
		assertThat(text(event)).contains("绍兴市柯桥区", "县(市、区)人社局工作人员", "密码")
				.containsPattern("([0-9a-f]{8} ){7}[0-9a-f]{8}").doesNotContainPattern("[0-9a-f]{32}");
	}

	@Test
	void everyActionThePlatformWritesHasAName() throws Exception {
		var names = new Properties();
		try (var in = getClass().getResourceAsStream("/i18n/audit_zh_CN.properties")) {
			names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		var written = jdbc.sql("select distinct action from audit.audit_event").query(String.class).list();
		assertThat(written).isNotEmpty().allSatisfy(action -> assertThat(names).as(action)
				.containsKey("audit.action." + action));
	}

	/** X-4: what an action was done to is named by its kind (补贴申请 12), not left as a code the platform wrote. */
	@Test
	void everyKindOfTargetThePlatformWritesHasAName() throws Exception {
		var names = new Properties();
		for (var bundle : List.of("audit", "imports", "recruitment", "analytics")) {
			try (var in = getClass().getResourceAsStream("/i18n/" + bundle + "_zh_CN.properties")) {
				names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		// the kinds the code writes ("claim:" + id …), read from the sources so a new kind cannot be forgotten
		var kinds = new TreeSet<String>();
		var written = Pattern.compile("audit\\.record\\([^;]*?\"([a-z-]+):\" \\+");
		try (var files = Files.walk(Path.of("src/main/java"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				var matcher = written.matcher(Files.readString(file));
				while (matcher.find()) {
					kinds.add(matcher.group(1));
				}
			}
		}
		assertThat(kinds).contains("claim", "placement", "batch").allSatisfy(kind -> assertThat(
				names.containsKey("audit.target." + kind) || names.containsKey("imports.kind." + kind)).as(kind).isTrue());
		// and the page shows them so
		console.session("keqiao");
		var log = page(console.session("auditor"), "/audit");
		assertThat(log).doesNotContain(">persons:", ">payment-statement:");
	}

	@Test
	void theFilteredLogIsExportedAsAnXlsxNamedInChineseAndTheExportIsLogged() throws Exception {
		console.session("keqiao");
		var session = console.session("auditor");
		var today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		var before = jdbc.sql("select count(*) from audit.audit_event where action = 'audit.export'").query(Long.class)
				.single();
		var response = mvc.perform(get("/api/v1/audit-events/export.xlsx").param("account", "keqiao")
				.param("action", "login").param("from", today.toString()).param("to", today.toString()).session(session))
				.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
		assertThat(response.getHeader("Content-Disposition")).contains(URLEncoder.encode(
				"审计日志-" + today + "至" + today + ".xlsx", StandardCharsets.UTF_8));
		var rows = new ArrayList<List<String>>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			workbook.getFirstSheet().openStream().forEach(r -> rows.add(
					r.stream().map(c -> c == null ? "" : c.getText()).toList()));
		}
		assertThat(rows.get(0)).contains("时间（北京时间）", "账户", "角色", "操作", "结果");
		assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(r -> assertThat(r).contains("keqiao", "登录",
				"县(市、区)人社局工作人员", "login"));
		assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'audit.export' and account = 'auditor'")
				.query(Long.class).single()).isEqualTo(before + 1);
		mvc.perform(get("/api/v1/audit-events/export.xlsx").session(console.session("keqiao")))
				.andExpect(status().isForbidden());
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path.replace("&amp;", "&")).session(session)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
	}

	private static List<Long> ids(String page) {
		return ROW.matcher(page).results().map(m -> Long.valueOf(m.group(1))).toList();
	}

	private static String link(Pattern pattern, String page) {
		return pattern.matcher(page).results().findFirst().orElseThrow().group(1);
	}

	/** The words a reader sees: the markup without its tags. */
	private static String text(String html) {
		return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
	}
}
