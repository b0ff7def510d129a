package cn.gongjiang.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.archive.ArchiveCaughtUp;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.IdNumber;

/**
 * REC-1..3 end to end: an enterprise's demand item becomes a posting; a recruitment event at a school; the trainee
 * the enterprise's own training order certified is ranked first with the reasons; one grade short is pointed at the
 * training that closes the gap; the application at the event, the offer and the hire; the placement on the
 * trainee's archive, traced to the order's class; a graduate's hire counted as a graduate; a placed person no longer
 * proposed; a filled posting closed to applications; another city's officer sees none of it.
 */
@IntegrationTest
class RecruitmentLoopIntegrationTests {

	@Autowired
	Clock clock;

	static final String ENTERPRISE = "91330603MA2D12345A";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Test
	void demandBecomesAPostingTheOrdersTraineeIsRankedFirstAndHiredAtAnEventAtASchool() throws Exception {
		var today = LocalDate.now(clock);
		// the enterprise's demand, and its posting made from it in one step
		var demand = id(send(post("/api/v1/demand/items"), "enterprise-demo", """
				{"enterpriseCode": "%s", "occupationCode": "6-18-01-01", "grade": "intermediate", "headcount": 2,
				 "neededBy": "%s", "monthlyWage": 7500, "trainHeadcount": 1, "placeCounty": "330603"}"""
				.formatted(ENTERPRISE, today.plusDays(40))).andExpect(status().isCreated()));
		var posted = send(post("/api/v1/recruitment/jobs/from-demand/{id}", demand), "enterprise-demo", "")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
				.andExpect(jsonPath("$.occupationCode").value("6-18-01-01")).andExpect(jsonPath("$.minGrade").value("intermediate"))
				.andExpect(jsonPath("$.headcount").value(2)).andExpect(jsonPath("$.demandItemId").value(demand))
				.andExpect(jsonPath("$.source").value("ENTERPRISE")).andReturn().getResponse().getContentAsString();
		var job = ((Number) JsonPath.read(posted, "$.id")).longValue();
		send(post("/api/v1/recruitment/jobs/from-demand/{id}", demand), "enterprise-demo", "")
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("recruitment.job.demand-posted"));
		send(post("/api/v1/recruitment/jobs/{id}/opening", job), "enterprise-demo", "{\"version\": 0}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"));
		send(post("/api/v1/recruitment/jobs/{id}/opening", job), "enterprise-demo", "{\"version\": 0}")
				.andExpect(status().isConflict());

		// the enterprise's own training order trains and certifies 沈订单 as 中级工 车工
		var trainee = IdNumber.withCheckDigit("33060319940808881");
		var order = id(send(post("/api/v1/training/orders"), "enterprise-demo", """
				{"enterpriseCode": "%s", "occupationCode": "6-18-01-01", "grade": "intermediate", "headcount": 2,
				 "wantedStart": "%s", "county": "330603", "kind": "NAMED_CLASS"}""".formatted(ENTERPRISE, today))
				.andExpect(status().isCreated()));
		var yesterday = Instant.now(clock).minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		var classId = id(send(post("/api/v1/training/orders/{id}/accept", order), "provider-demo", """
				{"capacity": 5, "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "柯桥区实训基地"}]}"""
				.formatted(yesterday, yesterday.plus(2, ChronoUnit.HOURS))).andExpect(status().isCreated()));
		var enrolment = id(send(post("/api/v1/training/classes/{id}/enrolments", classId), "provider-demo",
				"{\"idNumber\": \"%s\", \"name\": \"沈订单\"}".formatted(trainee)).andExpect(status().isCreated()));
		var session = jdbc.sql("select id from training.class_session where class_id = :c").param("c", classId)
				.query(Long.class).single();
		send(post("/api/v1/training/classes/{id}/sessions/{s}/attendance", classId, session), "provider-demo",
				"{\"enrolmentIds\": [%d]}".formatted(enrolment)).andExpect(status().isOk());
		mvc.perform(post("/api/v1/training/classes/{id}/complete", classId).header("Authorization", api.bearer("provider-demo")))
				.andExpect(status().isOk());
		send(post("/api/v1/training/classes/{id}/results", classId), "provider-demo", """
				[{"enrolmentId": %d, "passed": true, "certificateType": "skill-level", "certificateNumber": "RCPX2026000001",
				  "grade": "intermediate"}]""".formatted(enrolment)).andExpect(status().isOk());
		// 罗差级 holds 车工 初级工, one grade short; both register as job seekers with the city bureau
		var short_ = IdNumber.withCheckDigit("33060319930909992");
		send(post("/api/v1/certificates"), "provider-demo", """
				{"number": "RCJ2026000002", "holderIdNumber": "%s", "holderName": "罗差级", "type": "skill-level",
				 "occupationCode": "6-18-01-01", "grade": "junior", "issuedOn": "%s"}""".formatted(short_, today.minusDays(30)))
				.andExpect(status().isCreated());
		var traineeId = seeker("shaoxing", trainee, "沈订单", 7000);
		var shortId = seeker("shaoxing", short_, "罗差级", 7000);
		// a graduating student of the demo technician college, on the enrolment records
		var student = jdbc.sql("""
				select r.person_id from enrolment.registration r where r.status = 'REGISTERED'
				and r.school_code = '12330600MB12345675' order by r.id limit 1""").query(Long.class).single();
		var studentName = jdbc.sql("select name from registry.person where id = :id").param("id", student).query(String.class).single();

		// the event, at the school, organised by the city bureau
		var event = id(send(post("/api/v1/recruitment/events"), "shaoxing", """
				{"title": "订单式现场招聘会（示范技师学院）", "format": "ONSITE", "venueKind": "SCHOOL_IN_PROVINCE",
				 "place": "绍兴市示范技师学院体育馆", "heldOn": "%s"}""".formatted(today)).andExpect(status().isCreated()));
		send(post("/api/v1/recruitment/events/{id}/participants", event), "shaoxing", "{\"jobId\": %d}".formatted(job))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.participants[*].name").value(hasItem("绍兴示范机械有限公司")));
		send(post("/api/v1/recruitment/events/{id}/participants", event), "shaoxing", "{\"creditCode\": \"12330600MB12345675\"}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.participants[*].kind").value(hasItem("SCHOOL")));
		send(post("/api/v1/recruitment/events/{id}/participants", event), "shaoxing", """
				{"idNumber": "%s", "name": "沈订单"}""".formatted(trainee)).andExpect(status().isCreated());

		// the candidates: the order's trainee first, every score explained; one grade short told what closes the gap
		var ranked = mvc.perform(get("/api/v1/recruitment/jobs/{id}/candidates", job).header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.weightsVersion").value(1))
				.andReturn().getResponse().getContentAsString();
		assertThat(((Number) JsonPath.read(ranked, "$.items[0].personId")).longValue()).isEqualTo(traineeId);
		assertThat((String) JsonPath.read(ranked, "$.items[0].idNumberMasked")).contains("********");
		List<String> reasons = JsonPath.read(ranked, "$.items[0].components[*].reason");
		assertThat(reasons).contains("持有车工证书，与岗位职业一致", "持有中级工(四级)，达到岗位要求的中级工(四级)",
				"居住在绍兴市越城区，工作地绍兴市柯桥区，同一城市", "期望 7,000 元，在岗位薪资（最高 7,500 元）之内");
		List<Double> shares = JsonPath.read(ranked, "$.items[0].components[*].share");
		assertThat(shares.stream().mapToDouble(Double::doubleValue).sum()).isBetween(0.99, 1.01);
		List<String> shortReasons = JsonPath.read(ranked, "$.items[?(@.personId == %d)].components[*].reason".formatted(shortId));
		assertThat(shortReasons).anySatisfy(r -> assertThat(r).contains("比岗位要求的中级工(四级)低一级", "车工"));
		assertThat(jdbc.sql("select count(*) from recruitment.recommendation where job_id = :j and viewer = 'enterprise-demo'")
				.param("j", job).query(Long.class).single()).isGreaterThanOrEqualTo(2);
		// another city's officer and a worker see nothing of the posting's candidates
		mvc.perform(get("/api/v1/recruitment/jobs/{id}/candidates", job).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/recruitment/jobs/{id}/candidates", job).header("Authorization", api.bearer("worker-demo")))
				.andExpect(status().isNotFound());

		// the application at the event, the offer, the hire
		var application = id(send(post("/api/v1/recruitment/applications"), "shaoxing",
				"{\"eventId\": %d, \"jobId\": %d, \"personId\": %d}".formatted(event, job, traineeId))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.origin").value("AT_EVENT")));
		send(MockMvcRequestBuilders.put("/api/v1/recruitment/applications/{id}/status", application),
				"enterprise-demo", "{\"version\": 0, \"status\": \"OFFERED\"}").andExpect(jsonPath("$.status").value("OFFERED"));
		var placement = id(send(post("/api/v1/recruitment/placements"), "enterprise-demo", """
				{"applicationId": %d, "version": 1, "startsOn": "%s", "contractMonths": 24}""".formatted(application, today.plusDays(7)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.origin").value("EVENT"))
				.andExpect(jsonPath("$.classId").value(classId)).andExpect(jsonPath("$.graduate").value(false)));
		// the hire makes the enterprise the person's employer in the registry
		assertThat(jdbc.sql("select employer_credit_code from registry.person where id = :id").param("id", traineeId)
				.query(String.class).single()).isEqualTo(ENTERPRISE);
		// Shaoxing's project-hire subsidy (004 第8条) claimed from the recorded hire, not typed evidence; once per person
		mvc.perform(get("/api/v1/subsidies/claims/recorded-hires").header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(jsonPath("$[?(@.placement.id == %d)].certificate.grade".formatted(placement)).value(hasItem("intermediate")));
		var claim = """
				{"scheme": "PROJECT_HIRE", "bankAccount": "6222 0212 3456 7890",
				 "evidence": {"placementId": "%d", "projectName": "杭绍城际铁路装备基地一期"}}""".formatted(placement);
		send(post("/api/v1/subsidies/claims"), "enterprise-demo", claim).andExpect(status().isCreated())
				.andExpect(jsonPath("$.amount").value(500)).andExpect(jsonPath("$.evidence.name").value("沈订单"))
				.andExpect(jsonPath("$.evidence.hiredOn").value(today.plusDays(7).toString()))
				.andExpect(jsonPath("$.evidence.idNumber").doesNotExist())
				.andExpect(jsonPath("$.steps[0].reason").value("subsidy.step.claim.evidence-hire"));
		send(post("/api/v1/subsidies/claims"), "enterprise-demo", claim).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.code").value("subsidy.claim.period-held"));
		send(post("/api/v1/subsidies/claims"), "enterprise-demo", claim.replace("\"%d\"".formatted(placement), "\"999999\""))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("subsidy.claim.placement-unknown"));
		mvc.perform(get("/api/v1/subsidies/claims/recorded-hires").header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(jsonPath("$[*].placement.id").value(not(hasItem((int) placement))));
		// on the order's outcome, the last step of the loop: 报名 · 结业 · 取证 · 就业
		mvc.perform(get("/api/v1/training/orders/{id}/outcome", order).header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(jsonPath("$.classes[0].classId").value(classId)).andExpect(jsonPath("$.classes[0].certified").value(1))
				.andExpect(jsonPath("$.classes[0].hired").value(1));
		// on the trainee's archive, in words, once the archive has taken the placement's event
		ArchiveCaughtUp.await(jdbc);
		mvc.perform(get("/api/v1/persons/{id}/archive", traineeId).header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$.timeline[?(@.kind == 'PLACEMENT')].detail").value(hasItem(
						Matchers.containsString("入职绍兴示范机械有限公司"))));
		// a placed person is no longer proposed, and cannot be hired twice
		var after = mvc.perform(get("/api/v1/recruitment/jobs/{id}/candidates", job).header("Authorization", api.bearer("enterprise-demo")))
				.andReturn().getResponse().getContentAsString();
		assertThat((List<Number>) JsonPath.read(after, "$.items[*].personId")).extracting(Number::longValue).doesNotContain(traineeId);
		send(post("/api/v1/recruitment/events/{id}/participants", event), "shaoxing", """
				{"idNumber": "%s", "name": "沈订单"}""".formatted(trainee)).andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("recruitment.already-placed"));

		// the graduate: registered at the event, applies there, hired: the posting is filled
		// the school taking part puts its graduating student forward at the event, by real name
		var studentIdNumber = cipher.open(jdbc.sql("select id_number_sealed from registry.person where id = :id")
				.param("id", student).query(byte[].class).single());
		send(post("/api/v1/recruitment/events/{id}/participants", event), "school-demo", """
				{"idNumber": "%s", "name": "%s"}""".formatted(studentIdNumber, studentName)).andExpect(status().isCreated())
				.andExpect(jsonPath("$.participants[?(@.kind == 'SEEKER')].name").value(hasItem(studentName)));
		assertThat(jdbc.sql("select basis || ' ' || school_code from recruitment.seeker where person_id = :id")
				.param("id", student).query(String.class).single()).isEqualTo("GRADUATING 12330600MB12345675");
		var graduate = id(send(post("/api/v1/recruitment/applications"), "shaoxing",
				"{\"eventId\": %d, \"jobId\": %d, \"personId\": %d}".formatted(event, job, student)).andExpect(status().isCreated()));
		var hired = id(send(post("/api/v1/recruitment/placements"), "enterprise-demo", """
				{"applicationId": %d, "version": 0, "startsOn": "%s", "contractMonths": 36}""".formatted(graduate, today.plusDays(7)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.graduate").value(true))
				.andExpect(jsonPath("$.graduateBasis").value("ENROLMENT")).andExpect(jsonPath("$.personName").value(studentName)));
		mvc.perform(get("/api/v1/recruitment/jobs/{id}", job).header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(jsonPath("$.status").value("FILLED")).andExpect(jsonPath("$.hired").value(2));
		send(post("/api/v1/recruitment/applications"), "shaoxing",
				"{\"eventId\": %d, \"jobId\": %d, \"personId\": %d}".formatted(event, job, shortId))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("recruitment.job.closed"));

		// the event is held; the placements are the region's, not another city's
		send(post("/api/v1/recruitment/events/{id}/holding", event), "shaoxing", "{\"version\": 0}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("HELD")).andExpect(jsonPath("$.hires").value(2));
		mvc.perform(get("/api/v1/recruitment/placements").header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$.items[*].jobId").value(hasItem((int) job)));
		mvc.perform(get("/api/v1/recruitment/placements").header("Authorization", api.bearer("hangzhou")))
				.andExpect(jsonPath("$.items[*].jobId").value(not(hasItem((int) job))));
		mvc.perform(get("/api/v1/recruitment/events/{id}", event).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isNotFound());
		// the targets count what happened: the on-site event in Shaoxing, the graduate (not the trainee) in 柯桥区
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(jdbc.sql("select region_path from targets.contribution where fact = 'ONSITE_RECRUITMENT_EVENTS_HELD' "
					+ "and source_key = :k").param("k", "event:" + event).query(String.class).list()).containsExactly("/330000/330600/");
			assertThat(jdbc.sql("select region_path from targets.contribution where fact = 'GRADUATE_PLACEMENTS' "
					+ "and evidence like 'placement:%' and source_key like '%:' || :year").param("year", String.valueOf(today.plusDays(7).getYear()))
					.query(String.class).list()).contains("/330000/330600/330603/");
		});
		// issue 17: of this test's two hires, the graduate's counts once, in 柯桥区, and the trainee's not at all
		assertThat(jdbc.sql("select region_path from targets.contribution where fact = 'GRADUATE_PLACEMENTS' and evidence = :e")
				.param("e", "placement:" + hired).query(String.class).list()).containsExactly("/330000/330600/330603/");
		assertThat(jdbc.sql("select count(*) from targets.contribution where evidence = :e")
				.param("e", "placement:" + placement).query(Long.class).single()).isZero();

		// precision at 10: the trainee shown in the top ten applied
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> mvc.perform(get("/api/v1/recruitment/precision")
				.header("Authorization", api.bearer("keqiao"))).andExpect(jsonPath("$.followed").value(Matchers.greaterThanOrEqualTo(1))));
	}

	private long seeker(String officer, String idNumber, String name, int wage) throws Exception {
		return id(send(post("/api/v1/recruitment/seekers"), officer, """
				{"idNumber": "%s", "name": "%s", "basis": "REGISTERED", "expectedWage": %d}""".formatted(idNumber, name, wage))
				.andExpect(status().isCreated()), "$.personId");
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String account, String json) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(account)).contentType(MediaType.APPLICATION_JSON)
				.content(json));
	}

	private static long id(ResultActions result) throws Exception {
		return id(result, "$.id");
	}

	private static long id(ResultActions result, String path) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), path)).longValue();
	}
}
