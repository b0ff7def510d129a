package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.archive.ArchiveCaughtUp;
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.subsidy.decisions.StepSentencesTests;

import tools.jackson.databind.json.JsonMapper;

/**
 * X-4 on the subsidy console: the decisions list pages, filters and exports what it shows; a decision reads step by
 * step in Chinese and in English (and one made before steps carried reasons still reads); the packs are tables, a
 * draft is compared and published after a confirmation; the archive gets codes, not prose; the home page lists what
 * waits, with its count and link.
 */
@IntegrationTest
class SubsidyConsoleIntegrationTests {

	@Autowired
	Clock clock;

	static final AtomicInteger SERIAL = new AtomicInteger(100);

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubsidyDecisions decisions;

	@Autowired
	PersonRegistry persons;

	@Autowired
	JsonMapper json;

	/** A completed enrolment of the demo in a city: its id and its trainee's keyed index. */
	Object[] completedIn(String cityPath, int skip) {
		return jdbc.sql("""
				select e.id, e.person_index from training.enrolment e
				join training.training_class c on c.id = e.class_id
				where e.status = 'COMPLETED' and c.provider_path like :path || '%' order by e.id offset :skip limit 1
				""").param("path", cityPath).param("skip", skip).query((rs, i) -> new Object[] { rs.getLong(1), IdNumberIndex.of(rs.getBytes(2)) })
				.single();
	}

	CertificateIssued decided(Object[] enrolment, String type, String occupation, String grade, LocalDate on) {
		var id = SubsidyDecisionsIntegrationTests.IDS.incrementAndGet();
		var cert = new CertificateIssued(id, "CONTEST" + id, (IdNumberIndex) enrolment[1], type, occupation, grade, on,
				"示范职业技能培训学校", (Long) enrolment[0]);
		decisions.decide(cert);
		return cert;
	}

	Map<String, Object> decision(CertificateIssued cert) {
		return jdbc.sql("select id, paying_region, person_id, outcome from subsidy.decision where certificate_id = :c")
				.param("c", cert.certificateId()).query().singleRow();
	}

	String page(String path, MockHttpSession session, Object... parameters) throws Exception {
		var request = get(path).session(session);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param((String) parameters[i], String.valueOf(parameters[i + 1]));
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theDecisionsListPagesFiltersByOutcomeRegionIssueDayAndHolderAndExportsTheSameSet() throws Exception {
		// three certificates of one trainee, issued in February 2023, when no county had money yet: all wait
		var trainee = completedIn("/330000/330600/", 1);
		var first = decided(trainee, "skill-level", "6-18-04-01", "junior", LocalDate.of(2023, 2, 10));
		var second = decided(trainee, "skill-level", "6-18-04-02", "junior", LocalDate.of(2023, 2, 11));
		var third = decided(trainee, "skill-level", "6-18-04-03", "junior", LocalDate.of(2023, 2, 12));
		var row = decision(first);
		assertThat(row.get("outcome")).isEqualTo("WAITING");
		var county = (String) row.get("paying_region");
		var holder = jdbc.sql("select name from registry.person where id = :id").param("id", row.get("person_id"))
				.query(String.class).single();
		var session = console.session("shaoxing");

		var twoDays = page("/subsidies", session, "from", "2023-02-10", "to", "2023-02-11");
		assertThat(twoDays).contains(first.number(), second.number(), "共 2 条", "补贴资金暂不足，待资金到位后发放")
				.doesNotContain(third.number());
		var paged = page("/subsidies", session, "from", "2023-02-10", "to", "2023-02-12", "size", 2, "sort", "issued");
		assertThat(paged).contains("共 3 条，当前第 1–2 条", first.number(), second.number(), "page=2")
				.doesNotContain(third.number());
		assertThat(page("/subsidies", session, "from", "2023-02-10", "to", "2023-02-12", "size", 2, "sort", "issued",
				"page", 2)).contains(third.number()).doesNotContain(first.number());
		assertThat(page("/subsidies", session, "from", "2023-02-10", "to", "2023-02-12", "outcome", "WAITING",
				"region", county, "holder", holder, "scheme", "TRAINING")).contains("共 3 条", "待资金", "职业技能培训补贴");
		var otherCounty = county.equals("330602") ? "330603" : "330602";
		assertThat(page("/subsidies", session, "from", "2023-02-10", "to", "2023-02-12", "region", otherCounty))
				.contains("共 0 条");
		assertThat(page("/subsidies", session, "from", "2023-02-10", "to", "2023-02-12", "holder", holder + "不存在"))
				.contains("共 0 条");
		assertThat(page("/subsidies", session, "from", "2023-02-10", "to", "2023-02-12", "outcome", "GRANTED"))
				.contains("共 0 条");
		assertThat(page("/subsidies", console.session("hangzhou"), "from", "2023-02-10", "to", "2023-02-12"))
				.as("another city's officer sees none of them").contains("共 0 条");
		mvc.perform(get("/api/v1/subsidies/decisions").param("from", "2023-02-10").param("to", "2023-02-12")
				.param("size", "1").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "3"))
				.andExpect(MockMvcResultMatchers.jsonPath("$.length()").value(1));

		// the list's export link keeps the filter, and the file is the API's, read with the console session
		var exportLink = Pattern.compile("href=\"(/api/v1/subsidies/decisions/export\\.xlsx[^\"]*)\"").matcher(twoDays);
		assertThat(exportLink.find()).as("the list links its export").isTrue();
		var response = mvc.perform(get(exportLink.group(1).replace("&amp;", "&")).session(session))
				.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.getHeader("Content-Disposition")).contains("filename*=UTF-8''"
				+ URLEncoder.encode("补贴决定", StandardCharsets.UTF_8).replace("+", "%20"));
		var rows = new ArrayList<List<String>>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
				var sheet = workbook.getFirstSheet().openStream()) {
			sheet.forEach(r -> {
				var cells = new ArrayList<String>();
				r.forEach(c -> cells.add(c == null ? "" : c.getRawValue()));
				rows.add(cells);
			});
		}
		assertThat(rows.get(0)).contains("决定编号", "项目", "证书编号", "对象", "金额（元）", "政策版本");
		assertThat(rows).hasSize(3);
		var exported = String.join("|", rows.get(1)) + "|" + String.join("|", rows.get(2));
		assertThat(exported).contains(first.number(), second.number(), "职业技能培训补贴", "待资金", "补贴资金暂不足，待资金到位后发放",
				"浙江省政策包 第1版 + 绍兴市政策包 第2版", "2023-02-10", "初级工(五级)", "职业技能提升行动专账")
				.doesNotContain(third.number(), "TRAINING", "WAITING", "330000 v1");
	}

	@Test
	void aDecisionReadsStepByStepInChineseAndInEnglishAndOneDecidedBeforeStillReads() throws Exception {
		// decided on a past day, when the county had no money: the steps are all there, and the decision waits
		var cert = decided(completedIn("/330000/330600/", 1), "skill-level", "6-20-01-01", "technician",
				LocalDate.of(2024, 6, 1));
		var id = decision(cert).get("id");
		var session = console.session("shaoxing");
		var chinese = page("/subsidies/decisions/" + id, session);
		assertThat(chinese).contains("四类证书且完成培训", "浙人社发〔2022〕32号 §13", "每人每年次数上限", "本年度已享受",
				"高端装备领域上浮 30%", "data-confirm=").doesNotContain("??");
		assertThat(chinese.replaceAll("<[^>]+>", "")).contains("浙江省政策包 第1版 + 绍兴市政策包 第2版");
		var english = page("/subsidies/decisions/" + id, session, "lang", "en");
		assertThat(english).contains("One of four certificates, training completed", "Times a year",
				"plus 30% in the key field 高端装备", "subsidised this year", "Met").doesNotContain("??", "本年度已享受");

		// a decision stored before steps said why in codes: its text is shown as it was written
		var legacy = jdbc.sql("""
				insert into subsidy.decision (scheme, business_key, holder_index, beneficiary_masked, year, paying_region,
				    paying_path, outcome, amount, policy_versions, steps)
				values ('TRAINING', :key, decode(md5(:key), 'hex'), '王*', 2025, '330603', '/330000/330600/330603/',
				        'GRANTED', 2250, '330000 v1+330600 v2', cast(:steps as json))
				returning id
				""").param("key", "LEGACY:" + cert.certificateId()).param("steps", """
				[{"rule": "cap-per-year", "verdict": "PASS", "detail": "0/3"},
				 {"rule": "repeat", "verdict": "DENY", "code": "subsidy.repeat-occupation-grade", "detail": "6-18 senior"},
				 {"rule": "amount", "clause": "浙人社发〔2022〕32号 §13", "verdict": "PASS", "detail": "2250（包标准 1500；高端装备 +30%）"}]
				""").query(Long.class).single();
		assertThat(page("/subsidies/decisions/" + legacy, session)).contains("0/3", "2250（包标准 1500；高端装备 +30%）",
				"同一职业同一等级的培训补贴只能享受一次");

		// an override refused for its reason says so under the field and keeps what was typed
		var refused = mvc.perform(post("/subsidies/decisions/{id}/override", id).session(session).with(csrf())
				.param("outcome", "DENIED").param("reason", "短").param("expiresOn", LocalDate.now(clock).plusDays(30).toString()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("改判须写明理由（至少 4 个字）", "is-invalid", ">短</textarea>");
	}

	@Test
	void thePacksAreTablesWithNamesAndClausesAndADraftIsComparedAndPublishedAfterAConfirmation() throws Exception {
		var session = console.session("province");
		var packs = page("/subsidies/packs", session);
		assertThat(packs).contains("补贴标准", "示例标准", "职业技能等级证书", "初级工(五级)", "1,500 元", "各等级 500 元",
				"每人每年补贴次数上限", "3 次", "紧缺职业（工种）上浮", "20%", "浙人社发〔2022〕32号 §13", "地方人才经费",
				"企业定向培养补贴", "每人每年", "5,000 元", "先进制造业", "高级技师每月", "36 个月", "第17条 高技能人才岗位津贴",
				"机械制造基础加工人员")
				.doesNotContain("={", "standards {", "[advanced-manufacturing", "skill-level=", "manufacturingFields",
						"perPersonYear", "CITY_TALENT_FUND<");
		assertThat(page("/subsidies/packs", session, "lang", "en")).contains("Subsidies a person a year, at most",
				"Illustrative standard", "Local talent fund", "Directed training subsidy").doesNotContain("??");

		// a draft for Hangzhou, far ahead: compared with nothing in force, priced, published by another officer
		var body = mvc.perform(post("/api/v1/subsidies/packs").header("Authorization", api.bearer("hangzhou"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"scopeRegion": "330100", "effectiveFrom": "2099-01-01", "title": "杭州市培训补贴上浮（测试）",
						 "source": "杭州市 测试文件", "parameters": {"keyFieldUpliftPercent": 15, "keyFields": {"6-18": "高端装备"}}}"""))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var draft = ((Number) JsonPath.read(body, "$.id")).longValue();
		var withDraft = page("/subsidies/packs", session);
		assertThat(withDraft).contains("杭州市培训补贴上浮（测试）", "待发布的草案", "重点领域上浮", "15%", "未设",
				"/subsidies/packs/" + draft + "/publish");
		var publishForm = Pattern.compile("<form[^>]*action=\"/subsidies/packs/" + draft + "/publish\"[^>]*>").matcher(withDraft);
		assertThat(publishForm.find()).isTrue();
		assertThat(publishForm.group()).as("publishing asks first").contains("data-confirm=");
		assertThat(page("/subsidies/simulations", console.session("hangzhou"), "packId", draft, "year", 2025))
				.contains("草案的改动", "重点领域上浮", "data-chart=");
		mvc.perform(post("/subsidies/packs/{id}/publish", draft).session(console.session("hangzhou")).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(packStatus(draft)).as("not by whoever drafted it").isEqualTo("DRAFT");
		mvc.perform(post("/subsidies/packs/{id}/publish", draft).session(session).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(packStatus(draft)).isEqualTo("PUBLISHED");
	}

	private String packStatus(long pack) {
		return jdbc.sql("select status from subsidy.policy_pack where id = :id").param("id", pack).query(String.class)
				.single();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theArchiveGetsCodesTheRegistryRendersNotProse() throws Exception {
		var trainee = completedIn("/330000/330600/", 0);
		var id = SubsidyDecisionsIntegrationTests.IDS.incrementAndGet();
		var imported = new CertificateIssued(id, "CONTEST" + id, (IdNumberIndex) trainee[1], "skill-level", "6-18-01-01",
				"senior", LocalDate.now(clock), "鉴定中心", null);
		decisions.decide(imported);
		// money for 2024 in the trainee's county, so a certificate of that year is granted at once
		var county = jdbc.sql("""
				select coalesce(o.county_path, c.provider_path) from training.enrolment e
				join training.training_class c on c.id = e.class_id left join training.training_order o on o.id = c.order_id
				where e.id = :id""").param("id", trainee[0]).query(String.class).optional()
				.map(p -> p.replaceAll(".*/(\\d+)/$", "$1")).orElseThrow();
		mvc.perform(post("/api/v1/subsidies/budgets").header("Authorization", api.bearer("shaoxing"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"region\": \"%s\", \"year\": 2024, \"amount\": 100000}".formatted(county)))
				.andExpect(status().isOk());
		var granted = decided(trainee, "skill-level", "6-21-01-01", "technician", LocalDate.of(2024, 7, 1));
		var denied = entry(imported.number());
		assertThat(denied.keySet()).containsExactlyInAnyOrder("certificate", "scheme", "outcome", "reason");
		assertThat(denied).containsEntry("scheme", "TRAINING").containsEntry("outcome", "DENIED")
				.containsEntry("reason", "subsidy.no-completed-training");
		var grant = entry(granted.number());
		assertThat(grant.keySet()).doesNotContain("why");
		assertThat(grant.get("scheme")).isEqualTo("TRAINING");
		assertThat(grant.get("outcome")).isEqualTo("GRANTED");
		assertThat(grant.get("amount")).isInstanceOf(Number.class);
		assertThat(grant.get("reason")).isEqualTo("subsidy.step.amount.standard");
		assertThat((List<Object>) grant.get("reasonArguments")).hasSize(6).allMatch(a -> a instanceof Number || a instanceof String)
				.contains("高端装备", 30);
		assertThat(((Number) ((List<?>) grant.get("reasonArguments")).get(0)).intValue())
				.isEqualTo(((Number) grant.get("amount")).intValue());
		for (var reason : List.of(denied.get("reason"), grant.get("reason"))) {
			assertThat(StepSentencesTests.CHINESE.getProperty((String) reason)).as("%s in Chinese", reason).isNotBlank();
			assertThat(StepSentencesTests.ENGLISH.getProperty((String) reason)).as("%s in English", reason).isNotBlank();
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> entry(String certificate) {
		ArchiveCaughtUp.await(jdbc);
		var detail = jdbc.sql("""
				select detail::text from archive.line where kind = 'SUBSIDY' and detail ->> 'certificate' = :c
				order by id desc limit 1
				""").param("c", certificate).query(String.class).single();
		return json.readValue(detail, Map.class);
	}

	/** The count a to-do of the home page shows, or -1 when it is not there. */
	long toDo(String account, String key) throws Exception {
		var home = page("/", console.session(account));
		var matcher = Pattern.compile("data-todo=\"" + Pattern.quote(key) + "\"[\\s\\S]*?todo-count\">([\\d,]+)<").matcher(home);
		return matcher.find() ? Long.parseLong(matcher.group(1).replace(",", "")) : -1;
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void theHomePageListsTheClaimsBatchesAndDecisionsWaitingForEachRoleWithTheirCounts() throws Exception {
		var number = IdNumber.withCheckDigit("33062119900202" + SERIAL.incrementAndGet());
		persons.realName(IdNumber.parse(number), "郑晓东", "330603", "test");
		var enterprise = console.session("enterprise-demo");

		// the claim form asks with proper fields and says what is wrong under the field
		var missing = mvc.perform(post("/subsidies/claims").session(enterprise).with(csrf()).param("scheme", "DIRECTED_TRAINING")
				.param("evidence.idNumber", number).param("evidence.name", "郑晓东").param("evidence.year", "2026")
				.param("bankAccount", "6222021234567890")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(missing).contains("请填写此项", "value=\"郑晓东\"", "type=\"number\"");
		var overCap = mvc.perform(post("/subsidies/claims").session(enterprise).with(csrf()).param("scheme", "APPRENTICESHIP")
				.param("evidence.idNumber", number).param("evidence.name", "郑晓东").param("evidence.contractNumber", "A-1")
				.param("evidence.year", "2026").param("evidence.amount", "7000").param("bankAccount", "6222021234567890"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(overCap).contains("申请金额 7,000 元，超过 6,000 元的上限", "is-invalid");
		mvc.perform(post("/subsidies/claims").session(enterprise).with(csrf()).param("scheme", "DIRECTED_TRAINING")
				.param("evidence.idNumber", number).param("evidence.name", "郑晓东").param("evidence.agreementNumber", "DX-T1")
				.param("evidence.year", "2026").param("bankAccount", "6222021234567890"))
				.andExpect(status().is3xxRedirection());
		var claim = jdbc.sql("select id from subsidy.claim where evidence ->> 'agreementNumber' = 'DX-T1'").query(Long.class)
				.single();

		var toReview = count("select count(*) from subsidy.claim where status = 'SUBMITTED' and claimant_path like '/330000/330600/330603/%'");
		assertThat(toDo("keqiao", "todo.subsidy.claims-to-review")).isEqualTo(toReview).isPositive();
		var keqiao = console.session("keqiao");
		var review = page("/subsidies/claims", keqiao, "status", "SUBMITTED");
		assertThat(review).contains("申请 " + claim, "企业定向培养补贴", "待审核", "绍兴示范机械有限公司", "data-confirm=");
		var detail = page("/subsidies/claims/" + claim, keqiao);
		assertThat(detail).contains("定向培养协议编号", "DX-T1", "申请材料齐全，人员库登记的姓名与申请一致",
				"核定 2026 年度补贴 5,000 元", "第11条 定向培养").doesNotContain(number);
		mvc.perform(post("/subsidies/claims/{id}/review", claim).session(keqiao).with(csrf()).param("passed", "true"))
				.andExpect(status().is3xxRedirection());

		var toApprove = count("""
				select count(*) from subsidy.claim where status = 'REVIEWED' and claimant_path like '/330000/330600/%'
				  and reviewed_by <> 'shaoxing'""");
		assertThat(toDo("shaoxing", "todo.subsidy.claims-to-approve")).isEqualTo(toApprove).isPositive();
		mvc.perform(post("/subsidies/claims/{id}/decision", claim).session(console.session("shaoxing")).with(csrf())
				.param("passed", "false").param("reason", "协议未盖章")).andExpect(status().is3xxRedirection());
		assertThat(toDo("enterprise-demo", "todo.subsidy.claims-returned")).isPositive();
		assertThat(page("/subsidies/claims", enterprise, "status", "REJECTED")).contains("未通过", "协议未盖章");

		// a batch keqiao opens waits for another officer: on shaoxing's list, not on keqiao's own
		// (from the industry fund, which nothing else in the suite pays in 柯桥区)
		var tag = "TODO-TEST-" + System.nanoTime();
		jdbc.sql("""
				insert into subsidy.decision (scheme, business_key, holder_index, beneficiary_masked, year, paying_region,
				    paying_path, outcome, amount, policy_versions, steps, funding_source)
				values ('TRAINING', :tag, decode(md5(:tag), 'hex'), '张*', 2026, '330603',
				        '/330000/330600/330603/', 'GRANTED', 800, '330000 v1+330600 v2', '[]', 'INDUSTRY_FUND')
				""").param("tag", tag).update();
		mvc.perform(post("/api/v1/subsidies/payments/batches").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"region\": \"330603\", \"fundingSource\": \"INDUSTRY_FUND\"}"))
				.andExpect(status().isCreated());
		var forShaoxing = count("""
				select count(*) from subsidy.payment_batch where status = 'DRAFT' and paying_path like '/330000/330600/%'
				  and created_by <> 'shaoxing'""");
		assertThat(toDo("shaoxing", "todo.subsidy.batches-to-approve")).isEqualTo(forShaoxing).isPositive();
		var forKeqiao = count("""
				select count(*) from subsidy.payment_batch where status = 'DRAFT' and paying_path like '/330000/330600/330603/%'
				  and created_by <> 'keqiao'""");
		assertThat(toDo("keqiao", "todo.subsidy.batches-to-approve")).isEqualTo(forKeqiao == 0 ? -1 : forKeqiao);
		assertThat(page("/subsidies/payments", console.session("shaoxing"), "status", "DRAFT")).contains("待审批",
				"approve-batch", "data-confirm=");

		// a decision waiting for money
		decided(completedIn("/330000/330600/", 0), "skill-level", "6-18-04-04", "junior", LocalDate.of(2023, 3, 1));
		var waiting = count("""
				select count(*) from subsidy.decision_in_effect where effective_outcome = 'WAITING'
				  and code = 'subsidy.budget-exhausted' and paying_path like '/330000/330600/%'""");
		assertThat(toDo("shaoxing", "todo.subsidy.decisions-waiting")).isEqualTo(waiting).isPositive();
	}
}
