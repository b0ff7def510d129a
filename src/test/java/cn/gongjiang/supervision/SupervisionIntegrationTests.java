package cn.gongjiang.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestNames;
import cn.gongjiang.shared.IdNumber;

/** SUP-1..4: ratings and suspension, reproducible random inspections made public, anomaly signals, the audit export. */
@IntegrationTest
class SupervisionIntegrationTests {

	@Autowired
	Clock clock;

	static final String PROVIDER = "52330600MJ9876543F";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Console console;

	ResultActions send(String path, String user, String body, Object... vars) throws Exception {
		return mvc.perform(post(path, vars).header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	long classWithSession(Instant start) throws Exception {
		var body = send("/api/v1/training/classes", "provider-demo", """
				{"occupationCode": "6-18-01-01", "kind": "OFF_JOB", "capacity": 5,
				 "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "实训楼"}]}""".formatted(start, start.plus(2, ChronoUnit.HOURS)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

	@Test
	void aYearlyScoreBecomesStarsAndASuspendedProviderEnrolsNobody() throws Exception {
		send("/api/v1/supervision/ratings", "shaoxing", """
				{"providerCode": "%s", "year": 2025, "score": 92.5, "basis": "2025年度民办培训机构评估"}""".formatted(PROVIDER))
				.andExpect(status().isOk()).andExpect(jsonPath("$.starRating").value(5)).andExpect(jsonPath("$.starYear").value(2025));
		send("/api/v1/supervision/ratings", "shaoxing", """
				{"providerCode": "12330600MB12345675", "year": 2025, "score": 80, "basis": "x"}""")
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("supervision.rating.not-private"));
		send("/api/v1/supervision/ratings", "hangzhou", """
				{"providerCode": "%s", "year": 2025, "score": 50, "basis": "x"}""".formatted(PROVIDER))
				.andExpect(status().isForbidden());

		var classId = classWithSession(Instant.now(clock).plus(3, ChronoUnit.DAYS));
		send("/api/v1/supervision/providers/{code}/status", "shaoxing", "{\"status\": \"SUSPENDED\", \"reason\": \"\"}", PROVIDER)
				.andExpect(status().isBadRequest());
		send("/api/v1/supervision/providers/{code}/status", "shaoxing",
				"{\"status\": \"SUSPENDED\", \"reason\": \"抽查发现代签到\"}", PROVIDER).andExpect(status().isOk());
		try {
			send("/api/v1/training/classes/{id}/enrolments", "provider-demo", "{\"idNumber\": \"%s\", \"name\": \"停业中\"}"
					.formatted(IdNumber.withCheckDigit("33060219991111781")), classId)
					.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("training.provider-suspended"));
		}
		finally {
			send("/api/v1/supervision/providers/{code}/status", "shaoxing", "{\"status\": \"ACTIVE\"}", PROVIDER)
					.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
		}
	}

	@Test
	void theSameSeedDrawsTheSameTargetsAndInspectorsAndPublishedResultsArePublic() throws Exception {
		classWithSession(Instant.now(clock).plus(5, ChronoUnit.DAYS));
		classWithSession(Instant.now(clock).plus(6, ChronoUnit.DAYS));
		for (var name : List.of("赵检查", "钱检查", "孙检查")) {
			send("/api/v1/supervision/inspectors", "shaoxing", "{\"name\": \"%s\", \"organisation\": \"绍兴市人力社保局\"}".formatted(name))
					.andExpect(status().isCreated());
		}
		var first = send("/api/v1/supervision/draws", "shaoxing", "{\"population\": \"CLASSES\", \"count\": 2, \"seed\": 20261122}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.seed").value(20261122)).andReturn().getResponse()
				.getContentAsString();
		var again = send("/api/v1/supervision/draws", "shaoxing", "{\"population\": \"CLASSES\", \"count\": 2, \"seed\": 20261122}")
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		assertThat(targets(again)).as("a draw is redone from its seed").isEqualTo(targets(first));
		var drawId = Long.parseLong(first.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		var drawn = JsonPath.<List<Map<String, Object>>>read(first, "$.targets");
		assertThat(drawn).hasSize(2).allSatisfy(t -> assertThat((List<?>) t.get("inspectors")).hasSize(2).doesNotHaveDuplicates());
		send("/api/v1/supervision/draws/{id}/publish", "shaoxing", "{}", drawId).andExpect(status().isConflict());
		send("/api/v1/supervision/draws/{id}/findings", "shaoxing", """
				{"kind": "CLASS", "targetId": "%s", "outcome": "ISSUES_FOUND", "finding": ""}""".formatted(drawn.get(0).get("id")), drawId)
				.andExpect(status().isBadRequest());
		send("/api/v1/supervision/draws/{id}/findings", "shaoxing", """
				{"kind": "CLASS", "targetId": "%s", "outcome": "ISSUES_FOUND", "finding": "签到表与现场人数不符"}"""
				.formatted(drawn.get(0).get("id")), drawId).andExpect(status().isOk());
		send("/api/v1/supervision/draws/{id}/findings", "shaoxing", """
				{"kind": "CLASS", "targetId": "%s", "outcome": "COMPLIANT"}""".formatted(drawn.get(1).get("id")), drawId)
				.andExpect(status().isOk());
		send("/api/v1/supervision/draws/{id}/publish", "hangzhou", "{}", drawId).andExpect(status().isNotFound());
		send("/api/v1/supervision/draws/{id}/publish", "shaoxing", "{}", drawId).andExpect(status().isOk());
		mvc.perform(get("/public/inspections")).andExpect(status().isOk())
				.andExpect(content().string(containsString("签到表与现场人数不符")))
				.andExpect(content().string(containsString("20261122")));
	}

	private static String targets(String draw) {
		return JsonPath.read(draw, "$.targets").toString();
	}

	@Test
	void theSignalsShowOverlapAttemptsLateAttendanceSharedDevicesAndUntrainedCertificates() throws Exception {
		var start = Instant.now(clock).plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		var one = classWithSession(start);
		var other = classWithSession(start.plus(30, ChronoUnit.MINUTES));
		var trainee = IdNumber.withCheckDigit("33060219900909783");
		send("/api/v1/training/classes/{id}/enrolments", "provider-demo", "{\"idNumber\": \"%s\", \"name\": \"双报名\"}".formatted(trainee), one)
				.andExpect(status().isCreated());
		send("/api/v1/training/classes/{id}/enrolments", "provider-demo", "{\"idNumber\": \"%s\", \"name\": \"双报名\"}".formatted(trainee), other)
				.andExpect(status().isConflict());
		// attendance as another system might have left it: entered a week late, three trainees from one phone
		var session = jdbc.sql("select id from training.class_session where class_id = :c").param("c", one).query(Long.class).single();
		var enrolment = jdbc.sql("select id from training.enrolment where class_id = :c").param("c", one).query(Long.class).single();
		jdbc.sql("insert into training.attendance (session_id, enrolment_id, method, recorded_by, recorded_at) values (:s, :e, 'LIST', 'x', :at)")
				.param("s", session).param("e", enrolment).param("at", Timestamp.from(start.plus(9, ChronoUnit.DAYS))).update();
		for (var n : List.of("33060219900101784", "33060219900202785", "33060219900303786")) {
			var e = send("/api/v1/training/classes/{id}/enrolments", "provider-demo",
					"{\"idNumber\": \"%s\", \"name\": \"%s\"}".formatted(IdNumber.withCheckDigit(n), TestNames.of("同机", Long.parseLong(n.substring(14)))), other)
					.andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1");
			var otherSession = jdbc.sql("select id from training.class_session where class_id = :c").param("c", other).query(Long.class).single();
			jdbc.sql("insert into training.attendance (session_id, enrolment_id, method, recorded_by, device) values (:s, :e, 'CODE', 'w', '10.9.8.7')")
					.param("s", otherSession).param("e", Long.parseLong(e)).update();
		}
		send("/api/v1/certificates", "provider-demo", """
				{"number": "SIG-2026-0001", "holderIdNumber": "%s", "holderName": "双报名", "type": "training-completion",
				 "issuedOn": "%s"}""".formatted(trainee, LocalDate.now(clock))).andExpect(status().isCreated());
		mvc.perform(get("/api/v1/supervision/anomalies").header("Authorization", api.bearer("province")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.kind == 'OVERLAP_ATTEMPTS')].subject").value(hasItem(containsString("class:" + other))))
				.andExpect(jsonPath("$[?(@.kind == 'LATE_ATTENDANCE')].subject").value(hasItem(containsString("class:" + one))))
				.andExpect(jsonPath("$[?(@.kind == 'SHARED_DEVICE')].detail").value(hasItem(containsString("3 trainees from 10.9.8.7"))))
				.andExpect(jsonPath("$[?(@.kind == 'CERTIFICATE_WITHOUT_TRAINING')].subject").value(hasItem(containsString("SIG-2026-0001"))));
		mvc.perform(get("/api/v1/supervision/anomalies").header("Authorization", api.bearer("hangzhou")))
				.andExpect(jsonPath("$[?(@.subject =~ /.*class:%d .*/)]".formatted(other)).isEmpty())
				.andExpect(jsonPath("$[?(@.subject =~ /.*SIG-2026-0001.*/)]").isEmpty());
		// SUP-3: the certificate without training is the holder's city's signal too, not only the province's
		mvc.perform(get("/api/v1/supervision/anomalies").header("Authorization", api.bearer("shaoxing")))
				.andExpect(jsonPath("$[?(@.kind == 'CERTIFICATE_WITHOUT_TRAINING')].subject").value(hasItem(containsString("SIG-2026-0001"))));
	}

	@Test
	void theProvinceExportsTheYearsTrainingForTheAuditor() throws Exception {
		var year = LocalDate.now(clock).getYear();
		mvc.perform(get("/api/v1/supervision/audit-export.xlsx").param("year", String.valueOf(year))
				.header("Authorization", api.bearer("shaoxing"))).andExpect(status().isForbidden());
		var xlsx = mvc.perform(get("/api/v1/supervision/audit-export.xlsx").param("year", String.valueOf(year))
				.header("Authorization", api.bearer("province"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx)); var rows = workbook.getFirstSheet().openStream()) {
			var all = rows.toList();
			// a title line, the header, the rows
			assertThat(all.get(1).getCellText(7)).isEqualTo("学员身份证号（脱敏）");
			assertThat(all).hasSizeGreaterThan(2);
			assertThat(all.subList(2, all.size())).allSatisfy(r -> assertThat(r.getCellText(7)).contains("********"));
		}
	}

	@Test
	void theSupervisionPageShowsSignalsAndDraws() throws Exception {
		mvc.perform(get("/supervision").session(console.session("province"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"signals\"")));
		mvc.perform(get("/supervision").param("tab", "audit").session(console.session("province"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("audit-export.xlsx")));
		mvc.perform(get("/supervision").session(console.session("enterprise-demo"))).andExpect(status().isForbidden());
	}
}
