package cn.gongjiang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.shared.IdNumber;

/**
 * officers act only on what lies in their region, and every refusal is audited. Each case is the attack issue 19
 * found working, with its positive control: the in-scope officer succeeds with the same request.
 */
@IntegrationTest
class ActingInScopeIntegrationTests {

	@Autowired
	Clock clock;

	static final AtomicInteger SERIAL = new AtomicInteger(700);

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onlyTheHoldersRegionRevokesACertificate() throws Exception {
		var holder = shaoxingResident("任守一");
		var number = "SCOPE-R-" + SERIAL.incrementAndGet();
		send(post("/api/v1/certificates"), "provider-demo", certificate(number, holder, "任守一"))
				.andExpect(status().isCreated());
		for (var outsider : new String[] { "hangzhou", "economy-dept" }) {
			send(post("/api/v1/certificates/{n}/revocation", number), outsider, "{\"reason\": \"试探\"}")
					.andExpect(status().is4xxClientError());
		}
		assertThat(certificateStatus(number)).isEqualTo("VALID");
		assertThat(denials("certificate.revoke", number)).isEqualTo(2);
		send(post("/api/v1/certificates/{n}/revocation", number), "shaoxing", "{\"reason\": \"证书信息有误\"}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"));
	}

	@Test
	void aRefusalIsAuditedOnceUnderTheActionRefused() throws Exception {
		// issue 17: one guard for "an officer acting in scope"; its refusal is one audit line naming the action, not
		// that line and a second, generic one
		var holder = shaoxingResident("任守五");
		var number = "SCOPE-O-" + SERIAL.incrementAndGet();
		send(post("/api/v1/certificates"), "provider-demo", certificate(number, holder, "任守五"))
				.andExpect(status().isCreated());
		var generic = genericDenials("economy-dept");
		send(post("/api/v1/certificates/{n}/revocation", number), "economy-dept", "{\"reason\": \"部门无权撤销\"}")
				.andExpect(status().isForbidden());
		assertThat(denials("certificate.revoke", number)).isEqualTo(1);
		assertThat(genericDenials("economy-dept")).isEqualTo(generic);
		// a refused read names no action: it is audited once as access.denied with the path asked for
		mvc.perform(get("/api/v1/enrolment/duplicates").header("Authorization", api.bearer("economy-dept")))
				.andExpect(status().isForbidden());
		assertThat(genericDenials("economy-dept")).isEqualTo(generic + 1);
		assertThat(certificateStatus(number)).isEqualTo("VALID");
	}

	private long genericDenials(String account) {
		return jdbc.sql("select count(*) from audit.audit_event where account = :a and action = 'access.denied'")
				.param("a", account).query(Long.class).single();
	}

	@Test
	void anOfficerCertifiesOnlyTheirOwnRegionsResidents() throws Exception {
		var holder = shaoxingResident("任守二");
		var refused = "SCOPE-I-" + SERIAL.incrementAndGet();
		send(post("/api/v1/certificates"), "hangzhou", certificate(refused, holder, "任守二"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/certificates/verify").param("number", refused).param("name", "任守二"))
				.andExpect(status().isNotFound());
		// nor someone the registry does not know: register them in the region first
		var stranger = IdNumber.withCheckDigit("33010219850101" + SERIAL.incrementAndGet());
		send(post("/api/v1/certificates"), "hangzhou", certificate("SCOPE-I-" + SERIAL.incrementAndGet(), stranger, "任路人"))
				.andExpect(status().isForbidden());
		send(post("/api/v1/certificates"), "shaoxing", certificate("SCOPE-I-" + SERIAL.incrementAndGet(), holder, "任守二"))
				.andExpect(status().isCreated());
	}

	@Test
	void vouchersGoOnlyToPeopleOfTheOfficersRegion() throws Exception {
		var person = shaoxingResident("任守三");
		var entry = jdbc.sql("""
				select id from training.catalogue_entry where valid_until is null order by id limit 1
				""").query(Long.class).single();
		var voucher = """
				{"idNumber": "%s", "name": "任守三", "catalogueEntryId": %d, "validUntil": "%s"}"""
				.formatted(person, entry, LocalDate.now(clock).plusMonths(3));
		send(post("/api/v1/training/vouchers"), "hangzhou", voucher).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("person.out-of-scope"));
		// an unknown number answers exactly as another region's resident does
		var unknown = voucher.replace(person, IdNumber.withCheckDigit("33010219850101" + SERIAL.incrementAndGet()));
		send(post("/api/v1/training/vouchers"), "shaoxing", unknown).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("person.out-of-scope"));
		send(post("/api/v1/training/vouchers"), "keqiao", voucher.replace("任守三", "任守")).andExpect(status().isForbidden());
		send(post("/api/v1/training/vouchers"), "keqiao", voucher).andExpect(status().isForbidden());
		send(post("/api/v1/training/vouchers"), "shaoxing", voucher.replace("任守三", "任守"))
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("person.name-mismatch"));
		send(post("/api/v1/training/vouchers"), "shaoxing", voucher).andExpect(status().isCreated());
	}

	@Test
	void aDraftPackIsReadAndPricedOnlyInsideItsCityAndByTheProvince() throws Exception {
		var draft = send(post("/api/v1/subsidies/packs"), "shaoxing", """
				{"scopeRegion": "330600", "effectiveFrom": "%d-01-01", "title": "绍兴（范围测试草案）",
				 "source": "测试用草案", "parameters": {"keyFieldUpliftPercent": 10, "keyFields": {}}}"""
				.formatted(LocalDate.now(clock).getYear() + 7)).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		var id = ((Number) JsonPath.read(draft, "$.id")).longValue();
		for (var outsider : new String[] { "hangzhou", "economy-dept", "enterprise-demo", "provider-demo", "worker-demo",
				"sysadmin", "auditor" }) {
			mvc.perform(get("/api/v1/subsidies/packs/{id}/compare", id).header("Authorization", api.bearer(outsider)))
					.andExpect(status().is4xxClientError());
		}
		send(post("/api/v1/subsidies/simulations"), "hangzhou", "{\"packId\": %d}".formatted(id))
				.andExpect(status().isNotFound());
		assertThat(denials("subsidy.pack.compare", "pack:" + id)).isGreaterThanOrEqualTo(2);
		assertThat(denials("subsidy.simulate", "pack:" + id)).isEqualTo(1);
		for (var insider : new String[] { "shaoxing", "keqiao", "province" }) {
			mvc.perform(get("/api/v1/subsidies/packs/{id}/compare", id).header("Authorization", api.bearer(insider)))
					.andExpect(status().isOk()).andExpect(jsonPath("$[?(@.parameter == 'keyFieldUpliftPercent')].draft")
							.value(Matchers.hasItem(10)));
		}
		send(post("/api/v1/subsidies/simulations"), "keqiao", "{\"packId\": %d}".formatted(id)).andExpect(status().isOk());
	}

	@Test
	void aCitysQuarterlyReportIsReadByTheCityAndTheProvinceOnly() throws Exception {
		var year = LocalDate.now(clock).getYear();
		for (var outsider : new String[] { "keqiao", "hangzhou", "economy-dept" }) {
			mvc.perform(get("/api/v1/targets/reports/330600/{y}/1", year).header("Authorization", api.bearer(outsider)))
					.andExpect(status().isNotFound());
		}
		assertThat(denials("targets.report.read", "330600")).isGreaterThanOrEqualTo(2);
		for (var reader : new String[] { "shaoxing", "province" }) {
			mvc.perform(get("/api/v1/targets/reports/330600/{y}/1", year).header("Authorization", api.bearer(reader)))
					.andExpect(status().isOk()).andExpect(jsonPath("$.regionName").value("绍兴市"));
		}
	}

	@Test
	void aReadAnsweredNotFoundIsAuditedWithWhatWasAskedFor() throws Exception {
		var id = IdNumber.withCheckDigit("33060219880202" + SERIAL.incrementAndGet());
		var registered = send(post("/api/v1/persons"), "shaoxing", """
				{"idNumber": "%s", "name": "任守四", "residenceRegion": "330602"}""".formatted(id))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		var person = ((Number) JsonPath.read(registered, "$.id")).longValue();
		mvc.perform(get("/api/v1/persons/{id}", person).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select account from audit.audit_event where action = 'access.not-found' and target = :t")
				.param("t", "GET /api/v1/persons/" + person).query(String.class).list()).containsExactly("hangzhou");
		mvc.perform(get("/api/v1/persons/{id}", person).header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk());
	}

	@Test
	void onlyAnEventsOrganiserRecordsAnApplicationMadeThere() throws Exception {
		// issue 19's matrix walk: any role could record an application "at" any event for any job seeker
		var event = jdbc.sql("""
				select e.id from recruitment.event e where e.organiser_path = '/330000/330600/' and e.status = 'PLANNED'
				order by e.id limit 1""").query(Long.class).single();
		var job = jdbc.sql("select job_id from recruitment.event_job where event_id = :e order by job_id limit 1")
				.param("e", event).query(Long.class).single();
		var seeker = jdbc.sql("select person_id from recruitment.seeker where status = 'SEEKING' order by person_id limit 1")
				.query(Long.class).single();
		var body = "{\"jobId\": %d, \"eventId\": %d, \"personId\": %d}".formatted(job, event, seeker);
		for (var outsider : new String[] { "worker-demo", "enterprise-demo", "hangzhou", "provider-demo" }) {
			send(post("/api/v1/recruitment/applications"), outsider, body).andExpect(status().isNotFound())
					.andExpect(jsonPath("$.code").value("recruitment.event.not-found"));
		}
		assertThat(jdbc.sql("select count(*) from recruitment.application where event_id = :e and person_id = :p")
				.param("e", event).param("p", seeker).query(Long.class).single()).isZero();
		assertThat(denials("recruitment.application.at_event", "event:" + event)).isEqualTo(4);
		send(post("/api/v1/recruitment/applications"), "shaoxing", body).andExpect(status().isCreated());
	}

	private String shaoxingResident(String name) throws Exception {
		var id = IdNumber.withCheckDigit("33060219880202" + SERIAL.incrementAndGet());
		send(post("/api/v1/persons"), "shaoxing", """
				{"idNumber": "%s", "name": "%s", "residenceRegion": "330602"}""".formatted(id, name))
				.andExpect(status().isOk());
		return id;
	}

	private String certificate(String number, String holder, String name) {
		return """
				{"number": "%s", "holderIdNumber": "%s", "holderName": "%s", "type": "skill-level",
				 "occupationCode": "6-18-01-01", "grade": "中级工", "issuedOn": "%s"}"""
				.formatted(number, holder, name, LocalDate.now(clock).minusDays(3));
	}

	private String certificateStatus(String number) {
		return jdbc.sql("select status from certification.certificate where number = :n").param("n", number)
				.query(String.class).single();
	}

	private long denials(String action, String target) {
		return jdbc.sql("select count(*) from audit.audit_event where action = :a and target = :t and outcome = 'DENIED'")
				.param("a", action).param("t", target).query(Long.class).single();
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}
}
