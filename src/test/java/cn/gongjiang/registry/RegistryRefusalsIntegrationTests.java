package cn.gongjiang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestNames;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Issue 17, REG-1..4, X-1, X-2: every public service of the registry refuses the wrong role (403), another region's
 * record (404, as if it did not exist) and bad input (400 with the rule's code), and a refusal changes nothing. The
 * refusals are read from behaviour (exception type and code), so they hold whatever shape the checks take.
 */
@IntegrationTest
class RegistryRefusalsIntegrationTests {

	static final Actor SHAOXING = officer("shaoxing", Role.CITY_OFFICER, "330600", "/330000/330600/");
	static final Actor HANGZHOU = officer("hangzhou", Role.CITY_OFFICER, "330100", "/330000/330100/");
	static final Actor DEPARTMENT = new Actor(0, "economy-dept", "省经信厅", Role.DEPARTMENT_OFFICER,
			DataScope.department("省经信厅"), false);
	static final Actor ENTERPRISE = new Actor(0, "enterprise-demo", "企业", Role.ENTERPRISE,
			DataScope.organisation("91330603MA2D12345A"), false);
	static final String PROVIDER = "52330600MJ9876543F";
	static int serial = 0;

	@Autowired
	PersonRegistry persons;

	@Autowired
	OrganisationRegistry organisations;

	@Autowired
	PersonExport export;

	@Autowired
	RegistryOverview overview;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	PersonSummary person;
	String idNumber;

	@BeforeEach
	void aShaoxingResident() {
		idNumber = IdNumber.withCheckDigit("33060219910501" + String.format("%03d", 700 + serial));
		person = persons.register(SHAOXING, registration(idNumber, TestNames.of("拒绝", serial++), "330602"));
	}

	@Test
	void personRegistryRefusesOtherRolesOtherRegionsAndBadInput() {
		var before = snapshot();
		// wrong role: only regional officers register, list, select by group, record pensions or pay
		for (var actor : List.of(ENTERPRISE, DEPARTMENT)) {
			refused(() -> persons.register(actor, registration(idNumber, "改名者", "330602")), AccessDeniedException.class, null);
			refused(() -> persons.list(actor, PersonFilter.NONE, null, null, null, 1, 20), AccessDeniedException.class, null);
			refused(() -> persons.inGroup(actor, "rural-migrant", 10), AccessDeniedException.class, null);
			refused(() -> persons.recordPension(actor, PersonId.of(person.id()), pension(true, "社保系统", today())),
					AccessDeniedException.class, null);
			refused(() -> persons.payees(actor, List.of(person.id()), "batch:0"), AccessDeniedException.class, null);
		}
		// another region: Hangzhou may not register a Shaoxing resident, and sees no such person
		refused(() -> persons.register(HANGZHOU, registration(idNumber, "改名者", "330602")), AccessDeniedException.class, null);
		refused(() -> persons.find(HANGZHOU, person.id()), NotFoundException.class, "person.not-found");
		refused(() -> persons.recordPension(HANGZHOU, PersonId.of(person.id()), pension(true, "社保系统", today())),
				NotFoundException.class, "person.not-found");
		refused(() -> persons.unmask(mayUnmask(HANGZHOU), person.id(), "核对"), NotFoundException.class, "person.not-found");
		refused(() -> persons.list(SHAOXING, new PersonFilter(null, "330100", null, null, null), null, null, null, 1, 20),
				NotFoundException.class, "region.not-found");
		assertThat(persons.search(HANGZHOU, idNumber, null)).isEmpty();
		// the full numbers need the permission, and a reason
		refused(() -> persons.unmask(SHAOXING, person.id(), "核对"), AccessDeniedException.class, null);
		refused(() -> persons.unmask(mayUnmask(SHAOXING), person.id(), " "), InvalidValueException.class,
				"person.unmask.reason-required");
		// bad input
		refused(() -> persons.register(SHAOXING, registration(idNumber, " ", "330602")), InvalidValueException.class,
				"person.name.required");
		refused(() -> persons.register(SHAOXING, registration(idNumber, "张三3", "330602")), InvalidValueException.class,
				"person.name.invalid");
		refused(() -> persons.recordPension(SHAOXING, PersonId.of(person.id()), pension(null, "社保系统", today())),
				InvalidValueException.class, "person.pension.drawing-required");
		refused(() -> persons.recordPension(SHAOXING, PersonId.of(person.id()), pension(true, " ", today())),
				InvalidValueException.class, "person.pension.source-required");
		refused(() -> persons.recordPension(SHAOXING, PersonId.of(person.id()), pension(true, "社保系统", today().plusDays(1))),
				InvalidValueException.class, "person.pension.as-of");
		assertThat(snapshot()).isEqualTo(before);
		assertThat(denied("person.register")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void organisationRegistryRefusesOtherRolesOtherRegionsAndBadInput() {
		var provider = organisations.provider(PROVIDER).orElseThrow();
		var code = CreditCode.withCheckCharacter("91330602MA2D" + String.format("%05d", 10000 + serial));
		for (var actor : List.of(ENTERPRISE, DEPARTMENT)) {
			refused(() -> organisations.registerEnterprise(actor, enterprise(code, "绍兴拒绝机械有限公司", "330602", "SMALL")),
					AccessDeniedException.class, null);
			refused(() -> organisations.rate(actor, PROVIDER, 5, 2025), AccessDeniedException.class, null);
			refused(() -> organisations.changeStatus(actor, PROVIDER, "SUSPENDED", "抽查", today()),
					AccessDeniedException.class, null);
		}
		// Hangzhou registers no Shaoxing enterprise and rates or suspends no Shaoxing provider
		refused(() -> organisations.registerEnterprise(HANGZHOU, enterprise(code, "绍兴拒绝机械有限公司", "330602", "SMALL")),
				AccessDeniedException.class, null);
		refused(() -> organisations.rate(HANGZHOU, PROVIDER, 5, 2025), AccessDeniedException.class, null);
		refused(() -> organisations.changeStatus(HANGZHOU, PROVIDER, "SUSPENDED", "抽查", today()),
				AccessDeniedException.class, null);
		refused(() -> organisations.provider(HANGZHOU, provider.id()), NotFoundException.class, "provider.not-found");
		refused(() -> organisations.rate(SHAOXING, "52330600MJ0000000X", 5, 2025), NotFoundException.class,
				"provider.not-found");
		// bad input
		refused(() -> organisations.registerEnterprise(SHAOXING, enterprise(code, " ", "330602", "SMALL")),
				InvalidValueException.class, "organisation.name.required");
		refused(() -> organisations.registerEnterprise(SHAOXING, enterprise(code, "绍兴拒绝机械有限公司", "330602", "HUGE")),
				InvalidValueException.class, "enterprise.size.unknown");
		refused(() -> organisations.registerEnterprise(SHAOXING, new EnterpriseRegistration(code, "绍兴拒绝机械有限公司",
				"330602", "SPACEFLIGHT", null, "SMALL", false, null, null, null, false)), InvalidValueException.class,
				"enterprise.industry-field.unknown");
		refused(() -> organisations.registerEnterprise(SHAOXING, new EnterpriseRegistration(code, "绍兴拒绝机械有限公司",
				"330602", null, null, "SMALL", true, " ", null, null, false)), InvalidValueException.class,
				"enterprise.key-reason.required");
		refused(() -> organisations.rate(SHAOXING, PROVIDER, 6, 2025), InvalidValueException.class, "provider.star-rating");
		refused(() -> organisations.changeStatus(SHAOXING, PROVIDER, "CLOSED", "抽查", today()),
				InvalidValueException.class, "provider.status.unknown");
		refused(() -> organisations.changeStatus(SHAOXING, PROVIDER, "SUSPENDED", " ", today()),
				InvalidValueException.class, "provider.status.reason-required");
		refused(() -> organisations.registerProvider(SHAOXING, new ProviderRegistration(PROVIDER, provider.name(), "SPACESHIP",
				provider.licenceNumber(), provider.licenceValidUntil(), provider.region(), null, null, "ACTIVE", null, null)),
				InvalidValueException.class, "provider.kind.unknown");
		assertThat(organisations.provider(PROVIDER).orElseThrow()).isEqualTo(provider);
		assertThat(jdbc.sql("select count(*) from registry.enterprise where credit_code = :c").param("c", code)
				.query(Long.class).single()).isZero();
	}

	@Test
	void exportOverviewAndArchiveShowNothingOutsideTheReadersScope() throws Exception {
		refused(() -> export.write(ENTERPRISE, PersonFilter.NONE, new ByteArrayOutputStream()), AccessDeniedException.class, null);
		refused(() -> export.write(DEPARTMENT, PersonFilter.NONE, new ByteArrayOutputStream()), AccessDeniedException.class, null);
		// Hangzhou's counts do not move when a Shaoxing person is registered; Shaoxing's do
		var hangzhou = overview.of(HANGZHOU);
		var shaoxing = overview.of(SHAOXING);
		persons.register(SHAOXING, registration(IdNumber.withCheckDigit("33060219910502" + String.format("%03d",
				700 + serial)), TestNames.of("拒绝", serial++), "330602"));
		assertThat(overview.of(HANGZHOU)).isEqualTo(hangzhou);
		assertThat(overview.of(SHAOXING).persons()).isEqualTo(shaoxing.persons() + 1);
		// the archive of a Shaoxing person is no one's in Hangzhou
		mvc.perform(get("/api/v1/persons/{id}/archive", person.id()).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("person.not-found"));
		mvc.perform(get("/api/v1/persons/{id}/archive", person.id()).header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(status().isNotFound());
	}

	private String snapshot() {
		return jdbc.sql("""
				select name || ' ' || version || ' ' || coalesce(pension, '-') || ' ' || residence_region
				from registry.person where id = :id""").param("id", person.id()).query(String.class).single();
	}

	private long denied(String action) {
		return jdbc.sql("""
				select count(*) from audit.audit_event where action = :a and outcome = 'DENIED'
				  and account in ('enterprise-demo', 'economy-dept', 'hangzhou')""").param("a", action)
				.query(Long.class).single();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	static void refused(ThrowingCallable call, Class<? extends Exception> type, String code) {
		var thrown = assertThatThrownBy(call).isInstanceOf(type);
		if (code != null) {
			thrown.isInstanceOf(BusinessException.class).hasFieldOrPropertyWithValue("code", code);
		}
	}

	static PersonDetails registration(String idNumber, String name, String county) {
		return new PersonDetails(idNumber, name, null, null, county, county, null, null, List.of(), null, null);
	}

	static PensionRecord pension(Boolean drawing, String source, LocalDate asOf) {
		return new PensionRecord(drawing, source, asOf, null);
	}

	static EnterpriseRegistration enterprise(String code, String name, String county, String size) {
		return new EnterpriseRegistration(code, name, county, null, null, size, false, null, null, null, false);
	}

	static Actor officer(String username, Role role, String code, String path) {
		return new Actor(0, username, username, role, DataScope.region(RegionCode.of(code), path), false);
	}

	static Actor mayUnmask(Actor officer) {
		return new Actor(officer.accountId(), officer.username(), officer.displayName(), officer.role(), officer.scope(),
				true);
	}
}
