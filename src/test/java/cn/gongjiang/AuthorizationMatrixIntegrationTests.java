package cn.gongjiang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import cn.gongjiang.identity.AccountBootstrap;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.IdNumber;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * X-1 (issue 19): the authorization matrix, {@code docs/authorization-matrix.tsv}, is what every role may do with every
 * operation of the API, in its scope and outside it. This walks every operation of the OpenAPI document as every demo
 * account and as nobody, each with a target inside the account's scope and one outside it, and fails on any answer the
 * matrix does not say: an allow it does not list (the leak), a refusal where it lists an allow (a matrix that is no
 * longer true), and any operation the document has and the matrix does not (or the other way round).
 * <p>
 * A refusal is 401, 403 or 404 (out-of-scope records are answered as unknown on purpose). Everything else below 500 —
 * 2xx, 400, 409, 422 — got past authorization to the rules. A target is a real record found by SQL in the demo data
 * (or made here where the demo has none); the in-scope call of an allowed role is each operation's positive control,
 * so a refusal of the out-of-scope call is a real one and not a bad fixture.
 * <p>
 * Runs last: it sends state changes as the roles allowed to make them, on the demo data other tests read.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class AuthorizationMatrixIntegrationTests {

	@Autowired
	Clock clock;

	static final Path MATRIX = Path.of("docs/authorization-matrix.tsv");
	static final Path OBSERVED = Path.of("target/authorization-matrix.observed.tsv");
	static final Path ANSWERS = Path.of("target/authorization-matrix.answers.tsv");
	static final Path FAILURES = Path.of("target/authorization-matrix.failures.txt");

	/** The matrix's columns, and the demo accounts that play each role (both cities play a city). */
	static final Map<String, List<String>> ROLES = rolesInOrder();

	static Map<String, List<String>> rolesInOrder() {
		var roles = new LinkedHashMap<String, List<String>>();
		roles.put("anonymous", List.of(""));
		roles.put("province", List.of("province"));
		roles.put("city", List.of("shaoxing", "hangzhou"));
		roles.put("county", List.of("keqiao"));
		roles.put("department", List.of("economy-dept"));
		roles.put("enterprise", List.of("enterprise-demo"));
		roles.put("provider", List.of("provider-demo"));
		roles.put("school", List.of("school-demo"));
		roles.put("worker", List.of("worker-demo"));
		roles.put("sysadmin", List.of("sysadmin"));
		roles.put("secadmin", List.of("secadmin"));
		roles.put("auditor", List.of("auditor"));
		return roles;
	}

	/**
	 * The kind of record a path variable names, by the path it sits in; the first pattern that matches wins. Every
	 * kind's SQL returns the path variables as columns, the record's region {@code path} (null: the province's) and
	 * {@code owners}: the credit codes, person keys, departments and usernames the record belongs to.
	 */
	static final List<Map.Entry<Pattern, String>> KINDS = List.of(
			Map.entry(Pattern.compile("^POST .*/schools/\\{code}/specialties"), "school-affiliation"),
			Map.entry(Pattern.compile("/recruitment/persons/\\{id}"), "seeker"),
			Map.entry(Pattern.compile("/(persons|profiles/persons)/\\{id}"), "person"),
			Map.entry(Pattern.compile("/certificates/\\{number}"), "certificate"),
			Map.entry(Pattern.compile("/regions/\\{code}"), "region"),
			Map.entry(Pattern.compile("/(demand/items/\\{id}|from-demand/\\{demandItemId})"), "demand"),
			Map.entry(Pattern.compile("/duplicates/\\{id}"), "duplicate"),
			Map.entry(Pattern.compile("/plans/\\{id}/revisions/\\{revision}"), "revision"),
			Map.entry(Pattern.compile("/plans/\\{id}/issue"), "plan-issue"),
			Map.entry(Pattern.compile("/plans/\\{id}"), "plan"),
			Map.entry(Pattern.compile("/registrations/\\{id}"), "registration"),
			Map.entry(Pattern.compile("/schools/\\{code}"), "school"),
			Map.entry(Pattern.compile("/enterprises/\\{id}"), "enterprise"),
			Map.entry(Pattern.compile("/imports/\\{id}"), "import"),
			Map.entry(Pattern.compile("/providers/\\{id}"), "provider"),
			Map.entry(Pattern.compile("/supervision/providers/\\{code}"), "provider-code"),
			Map.entry(Pattern.compile("/applications/\\{id}"), "application"),
			Map.entry(Pattern.compile("/events/\\{id}"), "event"),
			Map.entry(Pattern.compile("/jobs/\\{id}"), "job"),
			Map.entry(Pattern.compile("/claims/\\{id}/documents/\\{document}"), "claim-document"),
			Map.entry(Pattern.compile("/claims/\\{id}"), "claim"),
			Map.entry(Pattern.compile("/decisions/\\{id}"), "decision"),
			Map.entry(Pattern.compile("/packs/\\{id}/compare"), "pack-read"),
			Map.entry(Pattern.compile("/packs/\\{id}"), "pack"),
			Map.entry(Pattern.compile("/batches/\\{id}"), "batch"),
			Map.entry(Pattern.compile("/draws/\\{id}"), "draw"),
			Map.entry(Pattern.compile("/milestones/\\{id}"), "milestone"),
			Map.entry(Pattern.compile("/reports/\\{city}"), "report"),
			Map.entry(Pattern.compile("/returns/\\{id}"), "return"),
			Map.entry(Pattern.compile("/classes/\\{id}"), "class"),
			Map.entry(Pattern.compile("/orders/\\{id}"), "order"),
			Map.entry(Pattern.compile("/training/sessions/\\{session}"), "session"),
			Map.entry(Pattern.compile("/evaluation-filings/\\{id}"), "filing"));

	/**
	 * Whose a school's plans are to issue and to approve revisions of: a province-affiliated school's the province's
	 * alone, wherever it stands; a city's school the city's it stands in. Everything else about a school (drafting,
	 * registering, agreements) is the region's it stands in.
	 */
	static final String SCHOOL_PATH = """
			case when exists (select 1 from enrolment.school a where a.credit_code = p.school_code
			                  and a.affiliation = 'PROVINCE') then '/330000/'
			     else (select '/330000/' || substr(min(r.school_path), 9, 7) from enrolment.registration r
			           where r.school_code = p.school_code) end""";

	static final String PROVINCE_SCHOOLS_FIRST = "(" + SCHOOL_PATH + ") = '/330000/' desc";

	static final Map<String, String> KIND_SQL = Map.ofEntries(
			Map.entry("person", """
					select id::text as id, residence_path as path,
					       array_remove(array[employer_credit_code, encode(id_number_index, 'hex')], null) as owners
					from registry.person order by id"""),
			Map.entry("seeker", """
					select person_id::text as id, residence_path as path,
					       array_remove(array[school_code, encode(person_index, 'hex')], null) as owners
					from recruitment.seeker where status in ('SEEKING', 'PLACED') order by person_id"""),
			Map.entry("certificate", """
					select c.number, p.residence_path as path, array[encode(c.holder_index, 'hex')] as owners
					from certification.certificate c left join registry.person p on p.id_number_index = c.holder_index
					where c.status = 'VALID' order by c.id"""),
			Map.entry("region", """
					select code, path, '{}'::text[] as owners from region.region where level in (2, 3)
					order by level desc, code"""),
			Map.entry("demand", """
					select id::text as id, id::text as "demandItemId", enterprise_path as path,
					       array[enterprise_code, recorded_by] as owners
					from training.demand_item order by id"""),
			Map.entry("duplicate", """
					select d.id::text as id, r.school_path as path, array[r.school_code] as owners
					from enrolment.duplicate_case d join enrolment.registration r on r.id = d.registration_id
					join enrolment.registration o on d.other_kind = 'REGISTRATION' and o.id::text = d.other_key
					where o.school_code = r.school_code order by d.id"""),
			Map.entry("revision", """
					select p.id::text as id, v.id::text as revision, %s as path, array[p.school_code] as owners
					from enrolment.plan_revision v join enrolment.plan p on p.id = v.plan_id
					order by %s, v.status = 'PENDING' desc, v.id""".formatted(SCHOOL_PATH, PROVINCE_SCHOOLS_FIRST)),
			Map.entry("school-affiliation", """
					select distinct on (r.school_code) r.school_code as code,
					       case when a.affiliation = 'PROVINCE' then '/330000/' else r.school_path end as path,
					       array[r.school_code] as owners
					from enrolment.registration r left join enrolment.school a on a.credit_code = r.school_code
					order by r.school_code"""),
			Map.entry("plan-issue", """
					select p.id::text as id, %s as path, array[p.school_code] as owners
					from enrolment.plan p order by %s, p.id""".formatted(SCHOOL_PATH, PROVINCE_SCHOOLS_FIRST)),
			Map.entry("plan", """
					select p.id::text as id, (select min(r.school_path) from enrolment.registration r
					                          where r.school_code = p.school_code) as path, array[p.school_code] as owners
					from enrolment.plan p order by p.id"""),
			Map.entry("registration", """
					select id::text as id, 'withdraw' as change, school_path as path,
					       array[school_code, encode(person_index, 'hex')] as owners
					from enrolment.registration where status = 'REGISTERED' order by id"""),
			Map.entry("school", """
					select distinct on (school_code) school_code as code, school_path as path, array[school_code] as owners
					from enrolment.registration order by school_code"""),
			Map.entry("enterprise", """
					select id::text as id, region_path as path, array[credit_code] as owners
					from registry.enterprise order by id"""),
			// an import is its uploader's alone: a path no region scope starts; one whose file the retention period
			// has deleted answers its error file as gone, which is not a refusal
			Map.entry("import", """
					select id::text as id, '/uploads/' as path, array[uploaded_by] as owners
					from imports.import_job where file_deleted_at is null order by id"""),
			Map.entry("provider", """
					select id::text as id, region_path as path, array[credit_code] as owners
					from registry.provider order by id"""),
			Map.entry("provider-code", """
					select credit_code as code, region_path as path, array[credit_code] as owners
					from registry.provider where kind <> 'TECHNICIAN_COLLEGE' order by id"""),
			Map.entry("application", """
					select a.id::text as id, a.version::text as version, j.county_path as path,
					       array[j.enterprise_code, encode(a.person_index, 'hex')] as owners
					from recruitment.application a join recruitment.job j on j.id = a.job_id order by a.id"""),
			Map.entry("event", """
					select id::text as id, organiser_path as path, array[organiser_code] as owners
					from recruitment.event order by id"""),
			Map.entry("job", """
					select id::text as id, county_path as path, array[enterprise_code] as owners
					from recruitment.job order by id"""),
			Map.entry("claim-document", """
					select c.id::text as id, d.id::text as document, c.claimant_path as path,
					       array[c.claimant_code] as owners
					from subsidy.claim_document d join subsidy.claim c on c.id = d.claim_id order by d.id"""),
			Map.entry("claim", """
					select id::text as id, claimant_path as path, array[claimant_code] as owners
					from subsidy.claim order by id"""),
			Map.entry("decision", """
					select id::text as id, paying_path as path,
					       array_remove(array[beneficiary_code, encode(holder_index, 'hex')], null) as owners
					from subsidy.decision where paying_path is not null order by id"""),
			Map.entry("pack", """
					select id::text as id, scope_path as path, '{}'::text[] as owners
					from subsidy.policy_pack where status = 'DRAFT' order by id"""),
			// a draft is read (compared, priced) by its city's counties too
			Map.entry("pack-read", """
					select id::text as id, scope_path as path, '{}'::text[] as owners, true as down
					from subsidy.policy_pack where status = 'DRAFT' order by id"""),
			Map.entry("batch", """
					select id::text as id, paying_path as path, '{}'::text[] as owners
					from subsidy.payment_batch order by id"""),
			Map.entry("draw", """
					select id::text as id, region_path as path, array[drawn_by] as owners
					from supervision.draw order by id"""),
			Map.entry("milestone", """
					select m.id::text as id, null::text as path, array(select d.department
					    from targets.task_line_department d where d.task_line_id = m.task_line_id order by d.position) as owners
					from targets.milestone m order by m.id"""),
			Map.entry("report", """
					select code as city, extract(year from current_date)::int::text as year, '1' as quarter,
					       path, '{}'::text[] as owners
					from region.region where level = 2 order by code"""),
			Map.entry("return", """
					select r.id::text as id, r.region_path as path, array(select d.department
					    from targets.task_line_department d where d.task_line_id = r.task_line_id and r.region_code is null
					    order by d.position) as owners
					from targets.return_report r order by r.id"""),

			Map.entry("class", """
					select c.id::text as id, (select min(s.id) from training.class_session s where s.class_id = c.id)::text
					       as session, c.provider_path as path, array[c.provider_code] as owners
					from training.training_class c
					where exists (select 1 from training.class_session s where s.class_id = c.id) order by c.id"""),
			Map.entry("order", """
					select id::text as id, county_path as path,
					       array_remove(array[enterprise_code, provider_code], null)
					       || array(select c.provider_code from training.training_class c where c.order_id = o.id) as owners
					from training.training_order o order by id"""),
			Map.entry("filing", """
					select id::text as id, evaluator_path as path, array[evaluator_code] as owners
					from certification.evaluation_filing where withdrawn_at is null order by id"""),
			Map.entry("session", """
					select s.id::text as session, c.provider_path as path,
					       array[c.provider_code] || array(select encode(e.person_index, 'hex') from training.enrolment e
					                                      where e.class_id = c.id and e.status = 'ENROLLED') as owners
					from training.class_session s join training.training_class c on c.id = s.class_id
					where c.status = 'OPEN' order by s.id"""));

	/** Path variables that name no record anyone owns: catalogues, templates, the occupational classification. */
	static final Map<String, String> PUBLIC_VALUES = Map.of("list", "industry-field", "kind", "persons", "code", "6-18-01-01");

	/**
	 * Operations whose body names their target. {@code ${...}} is replaced from the target: a person's {@code idNumber}
	 * and {@code name}, or a record's path variables; {@code ${serial}} is new for every call, so that an allowed
	 * call creates something rather than colliding with what an earlier call made.
	 */
	static final Map<String, String[]> BODY_TARGETS = Map.ofEntries(
			Map.entry("POST /api/v1/certificates", new String[] { "holder", """
					{"number": "MATRIX-${serial}", "holderIdNumber": "${idNumber}", "holderName": "${name}",
					 "type": "skill-level", "occupationCode": "6-18-01-01", "grade": "中级工", "issuedOn": "${lastWeek}"}""" }),
			Map.entry("POST /api/v1/training/vouchers", new String[] { "holder", """
					{"idNumber": "${idNumber}", "name": "${name}", "catalogueEntryId": ${catalogueEntry},
					 "validUntil": "${nextMonth}"}""" }),
			Map.entry("POST /api/v1/training/grade-recognitions", new String[] { "holder", """
					{"idNumber": "${idNumber}", "name": "${name}", "occupationCode": "6-18-01-01", "grade": "中级工",
					 "basis": "企业自主评价", "reason": "矩阵测试"}""" }),
			Map.entry("POST /api/v1/persons", new String[] { "county", """
					{"idNumber": "${newIdNumber}", "name": "矩阵新人", "residenceRegion": "${code}"}""" }),
			Map.entry("POST /api/v1/subsidies/budgets", new String[] { "county", """
					{"region": "${code}", "year": ${year}, "amount": 1}""" }),
			Map.entry("POST /api/v1/subsidies/payments/batches", new String[] { "county", """
					{"region": "${code}", "fundingSource": "职业技能提升行动专账资金"}""" }),
			Map.entry("POST /api/v1/targets/returns", new String[] { "own-region", """
					{"indicator": "NEW_SKILLED_TALENTS", "region": "${code}", "asOf": "${lastWeek}", "value": 1,
					 "evidence": "矩阵测试"}""" }),
			Map.entry("POST /api/v1/analytics/employment-statistics", new String[] { "county", """
					{"region": "${code}", "year": 2001, "employed": 1000, "source": "矩阵测试"}""" }),
			Map.entry("POST /api/v1/subsidies/simulations", new String[] { "pack-read", """
					{"packId": ${id}}""" }),
			Map.entry("POST /api/v1/evaluation-filings", new String[] { "provider-code", """
					{"evaluatorCode": "${code}", "basis": "SOCIAL_ORGANISATION", "occupationCode": "6-20-01-01"}""" }),
			Map.entry("POST /api/v1/supervision/ratings", new String[] { "provider-code", """
					{"providerCode": "${code}", "year": 2001, "score": 80, "basis": "矩阵测试"}""" }),
			Map.entry("POST /api/v1/enrolment/plans", new String[] { "school", """
					{"schoolCode": "${code}", "year": 2001, "intake": "SPRING", "lines": []}""" }),
			Map.entry("POST /api/v1/enrolment/agreements", new String[] { "school", """
					{"schoolCode": "${code}", "partnerProvince": "四川省", "partnerSchool": "矩阵测试学校",
					 "mode": "JOINT", "years": 3, "signedOn": "${lastWeek}", "validUntil": "${nextMonth}"}""" }),
			Map.entry("POST /api/v1/training/orders", new String[] { "enterprise-code", """
					{"enterpriseCode": "${code}", "occupationCode": "6-18-01-01", "grade": "中级工", "headcount": 5,
					 "wantedStart": "${nextMonth}", "county": "${county}", "kind": "NAMED_CLASS"}""" }),
			Map.entry("POST /api/v1/demand/items", new String[] { "enterprise-code", """
					{"enterpriseCode": "${code}", "occupationCode": "6-18-01-01", "grade": "中级工", "headcount": 5,
					 "neededBy": "${nextMonth}", "source": "矩阵测试"}""" }),
			Map.entry("POST /api/v1/recruitment/seekers", new String[] { "holder", """
					{"idNumber": "${idNumber}", "name": "${name}"}""" }),
			Map.entry("POST /api/v1/recruitment/applications", new String[] { "job", """
					{"jobId": ${id}}""" }),
			Map.entry("POST /api/v1/recruitment/placements", new String[] { "application", """
					{"applicationId": ${id}, "version": ${version}, "startsOn": "${nextMonth}", "contractMonths": 12}""" }),
			Map.entry("POST /api/v1/recruitment/jobs/{id}/invitations", new String[] { "job", """
					{"personId": ${seeker}}""" }),
			Map.entry("POST /api/v1/enrolment/registrations", new String[] { "school", """
					{"idNumber": "${newIdNumber}", "name": "矩阵新生", "schoolCode": "${code}", "specialtyCode": "x"}""" }),
			Map.entry("POST /api/v1/analytics/timed-trips", new String[] { "location", """
					{"locationId": ${id}, "siteId": ${site}, "minutes": 20, "travelledOn": "${lastWeek}",
					 "mode": "CAR"}""" }),
			Map.entry("POST /api/v1/recruitment/jobs", new String[] { "enterprise-code", """
					{"enterpriseCode": "${code}", "title": "矩阵测试岗位", "occupationCode": "6-18-01-01",
					 "headcount": 1, "county": "${county}", "wageMin": 5000, "wageMax": 6000,
					 "startsOn": "${nextMonth}", "closesOn": "${nextMonth}"}""" }));

	/** Kinds that only bodies name; their candidates come from SQL like the path kinds. */
	static final Map<String, String> BODY_KIND_SQL = Map.of(
			// the account's own region first: a region reports its own figures, not those of the regions below
			"own-region", """
					select code, path, '{}'::text[] as owners from region.region where level in (1, 2, 3)
					order by level, code""",
			"location", """
					select id::text as id, county_path as path, '{}'::text[] as owners from analytics.location
					order by id""",
			"county", """
					select code, path, '{}'::text[] as owners from region.region where level = 3 order by code""",
			"enterprise-code", """
					select credit_code as code, region as county, region_path as path, array[credit_code] as owners
					from registry.enterprise order by id""");

	/**
	 * Answers that may name a person of another region, and why. Everywhere else a name of a person outside the
	 * account's scope in an answer is a leak.
	 */
	static final Map<String, String> OPEN_POOLS = Map.of("GET /api/v1/recruitment/jobs/{id}/candidates",
			"job seekers registered with the public employment service are matched to postings anywhere in the province "
					+ "(REC-2): an enterprise sees the candidates for its own posting, wherever they live");

	static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	PersonalDataCipher cipher;

	record Account(String username, String role, String scopeKind, String scopeValue, String scopePath) {

		boolean covers(Candidate target) {
			if (target.owners.contains(username)) {
				return true;
			}
			return switch (scopeKind) {
				case "REGION" -> target.path == null ? scopePath.equals("/330000/")
						: target.path.startsWith(scopePath) || target.down && scopePath.startsWith(target.path);
				case "NONE" -> false;
				default -> target.owners.contains(scopeValue);
			};
		}
	}

	/** {@code down}: the record is the business of the regions below its own too. */
	record Candidate(Map<String, String> values, String path, Set<String> owners, boolean down) {

		Candidate(Map<String, String> values, String path, Set<String> owners) {
			this(values, path, owners, false);
		}
	}

	/** A call's answer, as the matrix reads it. */
	record Answer(String account, String which, int status, String body) {

		boolean refused() {
			return status == 401 || status == 403 || status == 404;
		}

		@Override
		public String toString() {
			return (account.isEmpty() ? "anonymous" : account) + "/" + which + "→" + status
					+ (status == 599 || body.contains(" sent: ") ? " " + body : status >= 400 ? " " + code() : "");
		}

		String code() {
			var matcher = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(body);
			return matcher.find() ? matcher.group(1) : "";
		}
	}

	@Test
	void everyOperationAnswersEveryRoleExactlyAsTheMatrixSays() throws Exception {
		var holders = registerHolders();
		makeWhatTheDemoLacks();
		var document = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		var accounts = accounts();
		var bearers = new LinkedHashMap<String, String>();
		for (var account : accounts.values()) {
			bearers.put(account.username, api.bearer(account.username));
		}
		var matrix = readMatrix();
		var observed = new TreeMap<String, List<String>>();
		var details = new ArrayList<String>();
		var failures = new ArrayList<String>();
		var documented = new LinkedHashSet<String>();
		for (var path : document.path("paths").propertyNames()) {
			if (!path.startsWith("/api/v1/")) {
				continue;
			}
			for (var verb : List.of("get", "post", "put", "patch", "delete")) {
				var operation = document.path("paths").path(path).path(verb);
				if (operation.isMissingNode()) {
					continue;
				}
				var name = verb.toUpperCase() + " " + path;
				documented.add(name);
				var kind = bodyTarget(name) != null ? bodyTarget(name)[0] : kindOf(name);
				var candidates = kind == null ? List.of(new Candidate(Map.of(), null, Set.of()))
						: kind.equals("holder") ? holders : candidates(kind);
				if (candidates.isEmpty()) {
					failures.add(name + ": no " + kind + " in the data to aim at");
					continue;
				}
				var cells = new ArrayList<String>();
				for (var role : ROLES.entrySet()) {
					var answers = new ArrayList<Answer>();
					var expected = matrix.getOrDefault(name, Map.of()).get(role.getKey());
					var cellFailures = new ArrayList<String>();
					var positiveControl = false;
					for (var username : role.getValue()) {
						var account = username.isEmpty() ? new Account("", "anonymous", "NONE", null, null)
								: accounts.get(username);
						var inside = candidates.stream().filter(account::covers).findFirst();
						var outside = kind == null ? Optional.<Candidate>empty()
								: candidates.stream().filter(c -> !account.covers(c)).findFirst();
						var target = inside.orElse(candidates.get(0));
						var first = send(name, operation, target, bearers.get(username), username,
								inside.isPresent() ? "in" : "any");
						answers.add(first);
						if (outside.isPresent() && outside.get() != target) {
							answers.add(send(name, operation, outside.get(), bearers.get(username), username, "out"));
						}
						if (expected != null) {
							judge(expected, first, inside.isPresent(), answers.size() > 1 ? answers.get(answers.size() - 1) : null,
									kind, cellFailures);
						}
						positiveControl |= inside.isPresent();
					}
					for (var answer : answers) {
						if (answer.status >= 500) {
							cellFailures.add("server error " + answer);
						}
						var account = answer.account.isEmpty() ? null : accounts.get(answer.account);
						for (var holder : holders.subList(1, holders.size())) {
							if (answer.status < 300 && !OPEN_POOLS.containsKey(name)
									&& (account == null || !account.covers(holder))
									&& answer.body.contains(holder.values.get("name"))) {
								cellFailures.add("LEAK: " + holder.values.get("name") + " (" + holder.path
										+ ") in the answer " + answer);
							}
						}
					}
					// one account of a role with nothing of the kind in its scope is fine when another had something
					if (positiveControl) {
						cellFailures.removeIf(f -> f.startsWith("nothing of kind") && f.contains("in this account's scope"));
					}
					if (!cellFailures.isEmpty()) {
						failures.add(name + " as " + role.getKey() + " (matrix: " + expected + "): " + cellFailures
								+ " " + answers);
					}
					cells.add(observedCell(answers));
					details.add(name + "\t" + role.getKey() + "\t" + answers);
				}
				observed.put(name, cells);
			}
		}
		writeObserved(observed);
		Files.write(ANSWERS, details, StandardCharsets.UTF_8);
		Files.write(FAILURES, failures, StandardCharsets.UTF_8);
		var unlisted = new ArrayList<>(documented);
		unlisted.removeAll(matrix.keySet());
		var stale = new ArrayList<>(matrix.keySet());
		stale.removeAll(documented);
		assertThat(unlisted).as("operations of the API the matrix does not list (see " + OBSERVED + ")").isEmpty();
		assertThat(stale).as("operations the matrix lists and the API no longer has").isEmpty();
		assertThat(documented).as("the document lists the API").hasSizeGreaterThan(150);
		assertThat(failures).as("answers the matrix does not allow (observed matrix in " + OBSERVED + ")").isEmpty();
	}

	/**
	 * {@code +}: allowed on any target; {@code s}: allowed on a target in the account's scope, refused outside it;
	 * {@code -}: refused. An account with nothing of the kind in its scope cannot be allowed "in its scope".
	 */
	private static void judge(String expected, Answer first, boolean inside, Answer out, String kind,
			List<String> failures) {
		switch (expected) {
			case "+" -> {
				if (first.refused()) {
					failures.add("refused though allowed: " + first);
				}
				if (out != null && out != first && out.refused()) {
					failures.add("refused out of scope though allowed anywhere: " + out);
				}
			}
			case "s" -> {
				if (!inside) {
					// the account's only call was outside its scope: it must be refused
					failures.add("nothing of kind " + kind + " in this account's scope to aim at");
					if (!first.refused()) {
						failures.add("LEAK: allowed out of scope: " + first);
					}
					break;
				}
				if (first.refused()) {
					failures.add("refused in scope though allowed: " + first);
				}
				if (out == null || out == first) {
					failures.add("nothing of kind " + kind + " outside this account's scope to aim at");
				}
				else if (!out.refused()) {
					failures.add("LEAK: allowed out of scope: " + out);
				}
			}
			case "-" -> {
				if (!first.refused()) {
					failures.add("LEAK: allowed though refused: " + first);
				}
				if (out != null && out != first && !out.refused()) {
					failures.add("LEAK: allowed out of scope though refused: " + out);
				}
			}
			default -> failures.add("unknown matrix cell '" + expected + "'");
		}
	}

	/**
	 * What the answers say the cell is: the draft a reviewer compares with the matrix. "any" answers (an account with
	 * nothing of the kind in its scope) count as outside.
	 */
	private static String observedCell(List<Answer> answers) {
		var inside = answers.stream().filter(a -> a.which.equals("in")).toList();
		var outside = answers.stream().filter(a -> !a.which.equals("in")).toList();
		if (answers.stream().allMatch(Answer::refused)) {
			return "-";
		}
		if (answers.stream().noneMatch(Answer::refused)) {
			return "+";
		}
		if (!inside.isEmpty() && inside.stream().noneMatch(Answer::refused) && outside.stream().allMatch(Answer::refused)) {
			return "s";
		}
		return "?" + answers;
	}

	private Answer send(String name, JsonNode operation, Candidate target, String bearer, String username, String which)
			throws Exception {
		var method = HttpMethod.valueOf(name.substring(0, name.indexOf(' ')));
		var uri = name.substring(name.indexOf(' ') + 1);
		var variables = Pattern.compile("\\{([^}]+)}").matcher(uri);
		var values = new LinkedHashMap<>(target.values);
		uri = variables.replaceAll(m -> {
			var value = values.get(m.group(1)) != null ? values.get(m.group(1))
					: PUBLIC_VALUES.getOrDefault(m.group(1), "1");
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		});
		AbstractMockHttpServletRequestBuilder<?> builder;
		var content = operation.path("requestBody").path("content");
		if (content.has(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			builder = multipart(uri).file(new MockMultipartFile("file", "persons.csv", "text/csv",
					"身份证号,姓名\n".getBytes(StandardCharsets.UTF_8)));
		}
		else {
			builder = request(method, uri);
			var template = bodyTarget(name);
			if (template != null) {
				builder.contentType(MediaType.APPLICATION_JSON).content(fill(template[1], values));
			}
			else if (content.has(MediaType.APPLICATION_JSON_VALUE)) {
				var array = content.path(MediaType.APPLICATION_JSON_VALUE).path("schema").path("type").asString("")
						.equals("array");
				builder.contentType(MediaType.APPLICATION_JSON).content(array ? "[]" : "{}");
			}
		}
		for (var parameter : operation.path("parameters")) {
			if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean(false)) {
				var parameterName = parameter.path("name").asString();
				builder.param(parameterName, switch (parameterName) {
					case "kind" -> "persons";
					case "number" -> "ZJ3306022026001";
					case "name" -> "张明";
					default -> "1";
				});
			}
		}
		if (!bearer(username, bearer).isEmpty()) {
			builder.header("Authorization", bearer);
		}
		MockHttpServletResponse response;
		try {
			response = mvc.perform(builder).andReturn().getResponse();
		}
		catch (Exception e) {
			Throwable cause = e;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			var where = Arrays.stream(cause.getStackTrace()).filter(f -> f.getClassName().startsWith("cn.gongjiang"))
					.limit(2).map(StackTraceElement::toString).toList();
			return new Answer(username, which, 599, cause + " at " + where);
		}
		var body = response.getContentAsString(StandardCharsets.UTF_8);
		if (body.contains("request.body.unreadable")) {
			body += " sent: " + new String(builder.buildRequest(new MockServletContext())
					.getContentAsByteArray(), StandardCharsets.UTF_8);
		}
		return new Answer(username, which, response.getStatus(), body);
	}

	private static String bearer(String username, String bearer) {
		return username.isEmpty() || bearer == null ? "" : bearer;
	}

	private String fill(String template, Map<String, String> values) {
		var today = LocalDate.now(clock);
		var all = new LinkedHashMap<>(values);
		all.put("serial", String.valueOf(SERIAL.incrementAndGet()));
		all.put("lastWeek", today.minusDays(7).toString());
		all.put("nextMonth", today.plusMonths(1).toString());
		all.put("year", String.valueOf(today.getYear()));
		all.put("newIdNumber", IdNumber.withCheckDigit("33060319900101" + String.format("%03d", 300 + SERIAL.get() % 600)));
		all.put("seeker", first("select person_id from recruitment.seeker where status = 'SEEKING' order by person_id"));
		all.put("location", first("select id from analytics.location order by id"));
		all.put("site", first("select id from analytics.training_site order by id"));
		all.put("catalogueEntry", String.valueOf(jdbc.sql(
				"select id from training.catalogue_entry where valid_until is null order by id limit 1").query(Long.class)
				.single()));
		var filled = template;
		for (var entry : all.entrySet()) {
			filled = filled.replace("${" + entry.getKey() + "}", entry.getValue() == null ? "" : entry.getValue());
		}
		return filled;
	}

	private String first(String sql) {
		return jdbc.sql(sql + " limit 1").query(Long.class).optional().map(String::valueOf).orElse("0");
	}

	private static String[] bodyTarget(String name) {
		return BODY_TARGETS.get(name);
	}

	/** The kind a path variable names; a pattern may name the method too ({@code ^POST }). */
	private static String kindOf(String operation) {
		for (var kind : KINDS) {
			if (kind.getKey().matcher(operation).find()) {
				return kind.getValue();
			}
		}
		return null;
	}

	private List<Candidate> candidates(String kind) {
		var sql = KIND_SQL.getOrDefault(kind, BODY_KIND_SQL.get(kind));
		var rows = new ArrayList<Candidate>();
		for (var row : jdbc.sql(sql).query().listOfRows()) {
			var values = new LinkedHashMap<String, String>();
			String path = null;
			Set<String> owners = Set.of();
			boolean down = false;
			for (var column : row.entrySet()) {
				switch (column.getKey()) {
					case "path" -> path = (String) column.getValue();
					case "owners" -> owners = ownersOf(column.getValue());
					case "down" -> down = Boolean.TRUE.equals(column.getValue());
					default -> values.put(column.getKey(), column.getValue() == null ? null : column.getValue().toString());
				}
			}
			rows.add(new Candidate(values, path, owners, down));
		}
		return rows;
	}

	private static Set<String> ownersOf(Object array) {
		try {
			var values = array instanceof Array sql ? (Object[]) sql.getArray() : new Object[0];
			var owners = new LinkedHashSet<String>();
			for (var value : values) {
				if (value != null) {
					owners.add(value.toString());
				}
			}
			return owners;
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private Map<String, Account> accounts() {
		var accounts = new LinkedHashMap<String, Account>();
		jdbc.sql("select username, role, scope_kind, scope_value, scope_path from identity.account order by id")
				.query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.list().stream().filter(a -> ROLES.values().stream().anyMatch(l -> l.contains(a.username)))
				.forEach(a -> accounts.put(a.username, a));
		return accounts;
	}

	/**
	 * Persons the bodies name by ID number, which the database holds only sealed: the demo worker, a resident of
	 * Keqiao employed by the demo enterprise, and a resident of Hangzhou employed by a Hangzhou enterprise.
	 */
	private List<Candidate> registerHolders() throws Exception {
		var holders = new ArrayList<Candidate>();
		holders.add(holder(AccountBootstrap.DEMO_WORKER_ID_NUMBER, "张明"));
		var keqiao = IdNumber.withCheckDigit("33060319870707101");
		var hangzhou = IdNumber.withCheckDigit("33010219870707102");
		register(keqiao, "柯守矩", "330603", "91330603MA2D12345A");
		register(hangzhou, "杭守矩", "330102", jdbc.sql("""
				select credit_code from registry.enterprise where region_path like '/330000/330100/%' order by id limit 1
				""").query(String.class).single());
		holders.add(holder(keqiao, "柯守矩"));
		holders.add(holder(hangzhou, "杭守矩"));
		return holders;
	}

	/**
	 * Records of kinds the demo data has none of, one in Keqiao (or the demo school) and one in Hangzhou, written
	 * directly: what matters here is who may act on them, not how they came about.
	 */
	private void makeWhatTheDemoLacks() throws Exception {
		var hangzhouEnterprise = jdbc.sql("""
				select credit_code from registry.enterprise where region_path like '/330000/330100/%' order by id limit 1
				""").query(String.class).single();
		for (var claimant : List.of(new String[] { "91330603MA2D12345A", "/330000/330600/330603/" },
				new String[] { hangzhouEnterprise, "/330000/330100/330102/" })) {
			jdbc.sql("""
					insert into subsidy.claim (scheme, claimant_code, claimant_name, claimant_path, period, evidence,
					    amount, status, submitted_by, pack_version, steps)
					values ('APPRENTICESHIP', :code, '矩阵测试企业', :path, '2026', '{}'::jsonb, 1000, 'SUBMITTED', 'matrix',
					    'matrix', '[]'::jsonb)""").param("code", claimant[0]).param("path", claimant[1]).update();
		}
		// SUB-4: an evidence file on each, to download
		jdbc.sql("""
				insert into subsidy.claim_document (claim_id, file_name, media_type, size_bytes, sha256, content, uploaded_by)
				select id, '矩阵测试.pdf', 'application/pdf', 9, encode(sha256('%PDF-1.4
'::bytea), 'hex'), '%PDF-1.4
'::bytea,
				    'matrix'
				from subsidy.claim where submitted_by = 'matrix'""").update();
		for (var region : List.of(new String[] { "330603", "/330000/330600/330603/" },
				new String[] { "330102", "/330000/330100/330102/" })) {
			jdbc.sql("""
					insert into subsidy.payment_batch (paying_region, paying_path, funding_source, status, created_by)
					values (:code, :path, 'SKILLS_ACCOUNT', 'DRAFT', 'matrix')""")
					.param("code", region[0]).param("path", region[1]).update();
		}
		// two drafts a city: the province may publish the first while the walk goes on
		for (var city : List.of(new String[] { "hangzhou", "330100" }, new String[] { "shaoxing", "330600" },
				new String[] { "hangzhou", "330100" }, new String[] { "shaoxing", "330600" })) {
			var draft = mvc.perform(request(HttpMethod.POST, "/api/v1/subsidies/packs")
					.header("Authorization", api.bearer(city[0])).contentType(MediaType.APPLICATION_JSON).content("""
							{"scopeRegion": "%s", "effectiveFrom": "2099-01-01", "title": "矩阵测试草案", "source": "矩阵测试",
							 "parameters": {"keyFieldUpliftPercent": 10, "keyFields": {}}}""".formatted(city[1])))
					.andReturn().getResponse();
			assertThat(draft.getStatus()).as(draft.getContentAsString()).isEqualTo(201);
		}
		// Keqiao has almost nothing of its own in the demo: an order, a posting and an event of the county's
		send("enterprise-demo", HttpMethod.POST, "/api/v1/training/orders", """
				{"enterpriseCode": "91330603MA2D12345A", "occupationCode": "6-18-01-01", "grade": "中级工",
				 "headcount": 5, "wantedStart": "%s", "county": "330603", "kind": "NAMED_CLASS"}"""
				.formatted(LocalDate.now(clock).plusMonths(1)), 201);
		// the demo school takes up a part of an order (TRN-1), so that it runs a class and serves an order it did not
		// take first
		var shared = send("enterprise-demo", HttpMethod.POST, "/api/v1/training/orders", """
				{"enterpriseCode": "91330603MA2D12345A", "occupationCode": "6-18-01-01", "grade": "中级工",
				 "headcount": 6, "wantedStart": "%s", "county": "330603", "kind": "ON_JOB"}"""
				.formatted(LocalDate.now(clock).plusMonths(1)), 201).replaceAll("^\\{\"id\":(\\d+).*", "$1");
		var start = Instant.now(clock).plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		for (var provider : List.of("provider-demo", "school-demo")) {
			send(provider, HttpMethod.POST, "/api/v1/training/orders/" + shared + "/accept", """
					{"capacity": 2, "sessions": [{"startsAt": "%s", "endsAt": "%s", "place": "柯桥区实训基地"}]}"""
					.formatted(start, start.plus(3, ChronoUnit.HOURS)), 201);
		}
		send("enterprise-demo", HttpMethod.POST, "/api/v1/recruitment/jobs", """
				{"enterpriseCode": "91330603MA2D12345A", "title": "数控车工", "occupationCode": "6-18-01-01",
				 "headcount": 2, "county": "330603", "wageMin": 5000, "wageMax": 7000, "startsOn": "%1$s",
				 "closesOn": "%1$s"}""".formatted(LocalDate.now(clock).plusMonths(1)), 201);
		// a class of Keqiao's, entered as a provider's file would leave it, with a session next week
		var keqiaoClass = jdbc.sql("""
				insert into training.training_class (provider_code, provider_name, provider_path, occupation_code, kind,
				    capacity, status, code_secret)
				values ('MATRIX-PROVIDER', '柯桥矩阵培训学校', '/330000/330600/330603/', '6-18-01-01', 'OFF_JOB', 20,
				    'OPEN', '\\x00')
				returning id""").query(Long.class).single();
		jdbc.sql("""
				insert into training.class_session (class_id, starts_at, ends_at, place)
				values (:c, now() + interval '7 days', now() + interval '7 days 3 hours', '柯桥区实训基地')""")
				.param("c", keqiaoClass).update();
		// the demo worker is enrolled there, so that a session of its own is open to check in to
		jdbc.sql("""
				insert into training.enrolment (class_id, person_index, person_id, id_number_sealed, id_number_masked, name,
				    status)
				select :c, id_number_index, id, '\\x00', id_number_masked, name, 'ENROLLED' from registry.person
				where id_number_index = :index""").param("c", keqiaoClass)
				.param("index", cipher.index(AccountBootstrap.DEMO_WORKER_ID_NUMBER)).update();
		// and Keqiao has inspectors and a draw of its own classes
		for (var inspector : List.of("柯检甲", "柯检乙")) {
			mvc.perform(request(HttpMethod.POST, "/api/v1/supervision/inspectors").header("Authorization",
					api.bearer("keqiao")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\": \"%s\", \"organisation\": \"柯桥区人力社保局\"}".formatted(inspector)));
		}
		var keqiaoDraw = mvc.perform(request(HttpMethod.POST, "/api/v1/supervision/draws").header("Authorization",
				api.bearer("keqiao")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"population\": \"CLASSES\", \"count\": 1}")).andReturn().getResponse();
		assertThat(keqiaoDraw.getStatus()).as(keqiaoDraw.getContentAsString()).isBetween(200, 201);
		// the demo worker applies to the posting of Keqiao: an application of its own, and one in the county
		var keqiaoJob = jdbc.sql("""
				select id from recruitment.job where county_path = '/330000/330600/330603/' and title = '数控车工'
				order by id desc limit 1""").query(Long.class).optional();
		if (keqiaoJob.isPresent()) {
			mvc.perform(request(HttpMethod.POST, "/api/v1/recruitment/jobs/{id}/opening", keqiaoJob.get())
					.header("Authorization", api.bearer("enterprise-demo")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"version\": 0}"));
			mvc.perform(request(HttpMethod.POST, "/api/v1/recruitment/applications")
					.header("Authorization", api.bearer("worker-demo")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"jobId\": %d}".formatted(keqiaoJob.get())));
		}
		send("keqiao", HttpMethod.POST, "/api/v1/recruitment/events", """
				{"title": "柯桥区春风行动招聘会", "format": "ONSITE", "place": "柯桥区人力资源市场", "heldOn": "%s"}"""
				.formatted(LocalDate.now(clock).plusMonths(1)), 201);
		// an upload of each account that may import, so that each has an import in its scope (they are the uploader's)
		for (var upload : List.of(new String[] { "province", "persons" }, new String[] { "enterprise-demo", "demand" },
				new String[] { "provider-demo", "certificates" }, new String[] { "school-demo", "attendance" },
				new String[] { "economy-dept", "target-returns" })) {
			var accepted = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "header.csv",
					"text/csv", "身份证号,姓名\n".getBytes(StandardCharsets.UTF_8))).param("kind", upload[1])
					.header("Authorization", api.bearer(upload[0]))).andReturn().getResponse();
			assertThat(accepted.getStatus()).as(upload[0] + " " + accepted.getContentAsString()).isEqualTo(202);
		}
		for (var inspector : List.of("矩阵甲", "矩阵乙")) {
			mvc.perform(request(HttpMethod.POST, "/api/v1/supervision/inspectors").header("Authorization",
					api.bearer("hangzhou")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\": \"%s\", \"organisation\": \"杭州市人力社保局\"}".formatted(inspector)));
		}
		var draw = mvc.perform(request(HttpMethod.POST, "/api/v1/supervision/draws").header("Authorization",
				api.bearer("hangzhou")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"population\": \"CLASSES\", \"count\": 1}")).andReturn().getResponse();
		assertThat(draw.getStatus()).as(draw.getContentAsString()).isBetween(200, 201);
		jdbc.sql("""
				insert into enrolment.plan_revision (plan_id, reason, lines_before, lines_after, status, requested_by)
				select p.id, '矩阵测试', '[]'::jsonb, '[]'::jsonb, 'PENDING', 'matrix' from enrolment.plan p
				where not exists (select 1 from enrolment.plan_revision v where v.plan_id = p.id and v.status = 'PENDING')
				""").update();
		jdbc.sql("""
				insert into enrolment.duplicate_case (person_index, registration_id, other_kind, other_key)
				select distinct on (school_code) person_index, id, 'REGISTRATION',
				       (select max(o.id) from enrolment.registration o where o.school_code = r.school_code)::text
				from enrolment.registration r order by school_code, id
				on conflict do nothing""").update();
	}

	private String send(String username, HttpMethod method, String uri, String body, int expected) throws Exception {
		var response = mvc.perform(request(method, uri).header("Authorization", api.bearer(username))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
		assertThat(response.getStatus()).as(uri + " " + response.getContentAsString()).isEqualTo(expected);
		return response.getContentAsString();
	}

	private void register(String idNumber, String name, String county, String employer) throws Exception {
		var response = mvc.perform(request(HttpMethod.POST, "/api/v1/persons").header("Authorization", api.bearer("province"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"idNumber": "%s", "name": "%s", "residenceRegion": "%s", "employerCreditCode": "%s"}"""
						.formatted(idNumber, name, county, employer)))
				.andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
	}

	/** By the number's keyed index: a name is not a key (the demo and other tests register several 张明). */
	private Candidate holder(String idNumber, String name) {
		return jdbc.sql("""
				select residence_path, array_remove(array[employer_credit_code, encode(id_number_index, 'hex')], null)
				from registry.person where id_number_index = :index""")
				.param("index", cipher.index(idNumber)).query((rs, n) -> new Candidate(Map.of("idNumber", idNumber,
						"name", name), rs.getString(1), ownersOf(rs.getArray(2))))
				.single();
	}

	/** {@code operation → role → cell}; blank lines and {@code #} comments are skipped. */
	private static Map<String, Map<String, String>> readMatrix() throws Exception {
		var matrix = new LinkedHashMap<String, Map<String, String>>();
		if (!Files.exists(MATRIX)) {
			return matrix;
		}
		var roles = new ArrayList<>(ROLES.keySet());
		int line = 0;
		for (var text : Files.readAllLines(MATRIX, StandardCharsets.UTF_8)) {
			line++;
			var content = text.contains("#") ? text.substring(0, text.indexOf('#')) : text;
			if (content.isBlank()) {
				continue;
			}
			var fields = content.strip().split("\t+");
			if (fields.length != roles.size() + 1) {
				throw new IllegalStateException(MATRIX + " line " + line + ": " + fields.length + " fields, expected "
						+ (roles.size() + 1) + ": " + Arrays.toString(fields));
			}
			var cells = new LinkedHashMap<String, String>();
			for (int i = 0; i < roles.size(); i++) {
				cells.put(roles.get(i), fields[i + 1]);
			}
			if (matrix.put(fields[0], cells) != null) {
				throw new IllegalStateException(MATRIX + " line " + line + ": " + fields[0] + " listed twice");
			}
		}
		return matrix;
	}

	private static void writeObserved(Map<String, List<String>> observed) throws Exception {
		var out = new StringBuilder("# operation\t" + String.join("\t", ROLES.keySet()) + "\n");
		observed.forEach((name, cells) -> out.append(name).append('\t').append(String.join("\t", cells)).append('\n'));
		Files.createDirectories(OBSERVED.getParent());
		Files.writeString(OBSERVED, out, StandardCharsets.UTF_8);
	}
}
