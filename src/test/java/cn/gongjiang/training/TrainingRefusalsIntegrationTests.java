package cn.gongjiang.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import cn.gongjiang.IntegrationTest;
import cn.gongjiang.registry.PersonDetails;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.ForbiddenException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Issue 17, TRN-1..5, X-1: every public service of training refuses the wrong role (403), what lies outside the
 * actor's region or organisation (404, as if it did not exist; 403 where the code names a person out of scope) and
 * bad input (400, or 409/422 for a state that forbids it, with the rule's code), and a refusal changes nothing. Read
 * from behaviour (exception type and code), so the refusals hold whatever shape the checks take.
 */
@IntegrationTest
class TrainingRefusalsIntegrationTests {

	static final String ENTERPRISE_CODE = "91330603MA2D12345A", PROVIDER_CODE = "52330600MJ9876543F";
	static final String OCCUPATION = "6-18-01-02";
	static final String RESIDENT = IdNumber.withCheckDigit("33060319930303771");
	static final Actor PROVINCE = officer("province", Role.PROVINCE_OFFICER, "330000", "/330000/");
	static final Actor SHAOXING = officer("shaoxing", Role.CITY_OFFICER, "330600", "/330000/330600/");
	static final Actor HANGZHOU = officer("hangzhou", Role.CITY_OFFICER, "330100", "/330000/330100/");
	static final Actor DEPARTMENT = new Actor(0, "economy-dept", "省经信厅", Role.DEPARTMENT_OFFICER,
			DataScope.department("省经信厅"), false);
	static final Actor ENTERPRISE = new Actor(0, "enterprise-demo", "企业", Role.ENTERPRISE,
			DataScope.organisation(ENTERPRISE_CODE), false);
	static final Actor PROVIDER = new Actor(0, "provider-demo", "培训机构", Role.TRAINING_PROVIDER,
			DataScope.organisation(PROVIDER_CODE), false);
	static final Actor WORKER = new Actor(0, "worker-refused", "工人", Role.WORKER, DataScope.person("00"), false);

	@Autowired
	TrainingOrders orders;

	@Autowired
	TrainingClasses classes;

	@Autowired
	ClassEnrolments enrolments;

	@Autowired
	Attendance attendance;

	@Autowired
	Results results;

	@Autowired
	Vouchers vouchers;

	@Autowired
	SubsidyCatalogue catalogue;

	@Autowired
	ThreeLists lists;

	@Autowired
	DemandSurvey demand;

	@Autowired
	TrainingSignals signals;

	@Autowired
	ListExport export;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	TrainingOrder order;
	TrainingClass trainingClass;
	Actor otherProvider;

	@Autowired
	PersonRegistry persons;

	@BeforeEach
	void anOpenOrderAClassOfTheDemoProviderAndAKeqiaoResident() {
		persons.register(SHAOXING, new PersonDetails(RESIDENT, "柯桥试学员", null, null, "330603", "330603", null, null,
				List.of(), null, null));
		order = orders.place(ENTERPRISE, new TrainingOrder.Request(ENTERPRISE_CODE, null, OCCUPATION, null, 5,
				today().plusDays(10), "330603", "ON_JOB", false));
		trainingClass = classes.open(PROVIDER, null, plan(5, sessions(Instant.now(clock).plus(2, ChronoUnit.DAYS))));
		var other = jdbc.sql("""
				select credit_code from registry.provider where credit_code <> :c and status = 'ACTIVE'
				order by credit_code limit 1""").param("c", PROVIDER_CODE).query(String.class).single();
		otherProvider = new Actor(0, "other-provider", "另一机构", Role.TRAINING_PROVIDER, DataScope.organisation(other), false);
	}

	@Test
	void ordersAndClassesRefuseOtherRolesOtherPartiesAndBadInput() {
		var before = state();
		var request = request(5, today().plusDays(10), "ON_JOB");
		for (var actor : List.of(WORKER, PROVIDER, HANGZHOU, DEPARTMENT)) {
			refused(() -> orders.place(actor, request), AccessDeniedException.class, null);
		}
		refused(() -> orders.place(ENTERPRISE, request(0, today().plusDays(10), "ON_JOB")), InvalidValueException.class,
				"training.order.headcount");
		refused(() -> orders.place(ENTERPRISE, request(5, today().minusDays(1), "ON_JOB")), InvalidValueException.class,
				"training.order.wanted-start");
		refused(() -> orders.place(ENTERPRISE, request(5, today().plusDays(10), "AT_SEA")), InvalidValueException.class,
				"training.class.kind");
		refused(() -> orders.place(SHAOXING, new TrainingOrder.Request("91330603MA2D00000X", null, OCCUPATION, null, 5,
				today().plusDays(10), null, "ON_JOB", false)), NotFoundException.class, "training.enterprise.not-found");
		// another city's officer, and a provider running no class of it, see no such order
		refused(() -> orders.outcome(HANGZHOU, order.id()), NotFoundException.class, "training.order.not-found");
		refused(() -> orders.cancel(HANGZHOU, order.id()), NotFoundException.class, "training.order.not-found");
		refused(() -> orders.cancel(otherProvider, order.id()), NotFoundException.class, "training.order.not-found");
		// only providers take up orders and run classes
		refused(() -> orders.accept(ENTERPRISE, order.id(), plan(5, sessions(Instant.now(clock).plus(3, ChronoUnit.DAYS)))),
				AccessDeniedException.class, null);
		refused(() -> orders.openOrder(SHAOXING, order.id()), AccessDeniedException.class, null);
		refused(() -> classes.open(ENTERPRISE, null, plan(5, sessions(Instant.now(clock)))), AccessDeniedException.class,
				null);
		refused(() -> classes.edit(otherProvider, trainingClass.id(), trainingClass.version(), plan(6,
				sessions(Instant.now(clock).plus(2, ChronoUnit.DAYS)))), NotFoundException.class, "training.class.not-found");
		assertThat(classes.viewer(HANGZHOU, trainingClass.id())).isEmpty();
		assertThat(classes.viewer(otherProvider, trainingClass.id())).isEmpty();
		// a plan breaking a rule
		var start = Instant.now(clock).plus(2, ChronoUnit.DAYS);
		refused(() -> classes.open(PROVIDER, null, plan(0, sessions(start))), InvalidValueException.class,
				"training.class.capacity");
		refused(() -> classes.open(PROVIDER, null, plan(5, List.of())), InvalidValueException.class,
				"training.class.sessions-required");
		refused(() -> classes.open(PROVIDER, null, plan(5, List.of(new TrainingClass.SessionPlan(start, start, "实训楼")))),
				InvalidValueException.class, "training.class.session-times");
		refused(() -> classes.open(PROVIDER, null, plan(5, List.of(new TrainingClass.SessionPlan(start,
				start.plus(2, ChronoUnit.HOURS), " ")))), InvalidValueException.class, "training.class.session-place");
		refused(() -> classes.open(PROVIDER, null, new TrainingClass.Plan(OCCUPATION, null, "OFF_JOB", 5, List.of(),
				new BigDecimal("1.5"), sessions(start))), InvalidValueException.class, "training.class.completion-rate");
		refused(() -> classes.edit(PROVIDER, trainingClass.id(), trainingClass.version(), new TrainingClass.Plan(OCCUPATION,
				null, "AT_SEA", 5, List.of(), null, sessions(start))), InvalidValueException.class, "training.class.kind");
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void enrolmentAttendanceAndResultsAreTheClassProvidersOnly() {
		var before = state();
		var trainee = new ClassEnrolment.Request(RESIDENT, "柯桥试学员", null);
		refused(() -> enrolments.enrol(otherProvider, trainingClass.id(), trainee), NotFoundException.class,
				"training.class.not-found");
		refused(() -> enrolments.enrol(SHAOXING, trainingClass.id(), trainee), AccessDeniedException.class, null);
		refused(() -> enrolments.ofClass(HANGZHOU, trainingClass.id()), NotFoundException.class, "training.class.not-found");
		refused(() -> enrolments.ofClass(otherProvider, trainingClass.id()), NotFoundException.class,
				"training.class.not-found");
		refused(() -> enrolments.mine(SHAOXING), AccessDeniedException.class, null);
		refused(() -> attendance.currentCode(otherProvider, trainingClass.id(), firstSession()), NotFoundException.class,
				"training.class.not-found");
		refused(() -> attendance.record(PROVIDER, trainingClass.id(), firstSession(), List.of()), BusinessException.class,
				"training.attendance.before-session");
		refused(() -> attendance.checkIn(SHAOXING, firstSession(), "123456"), AccessDeniedException.class, null);
		refused(() -> attendance.complete(PROVIDER, trainingClass.id()), ConflictException.class, "training.class.not-over");
		refused(() -> attendance.complete(otherProvider, trainingClass.id()), NotFoundException.class,
				"training.class.not-found");
		refused(() -> results.record(PROVIDER, trainingClass.id(), List.of()), ConflictException.class,
				"training.result.class-open");
		refused(() -> results.record(otherProvider, trainingClass.id(), List.of()), NotFoundException.class,
				"training.class.not-found");
		var recognition = new Results.Recognition(RESIDENT, "柯桥试学员", OCCUPATION,
				"junior", "SELF_EVALUATION", "企业自主评价");
		refused(() -> results.recognise(SHAOXING, recognition), AccessDeniedException.class, null);
		refused(() -> results.recognise(ENTERPRISE, new Results.Recognition(RESIDENT, "柯桥试学员", OCCUPATION,
				"junior", "HEARSAY", "企业自主评价")), InvalidValueException.class, "training.recognition.basis");
		refused(() -> results.recognise(ENTERPRISE, new Results.Recognition(RESIDENT, "柯桥试学员", OCCUPATION,
				"junior", "SELF_EVALUATION", " ")), InvalidValueException.class, "training.recognition.reason-required");
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void vouchersCatalogueListsDemandAndSignalsRefuseOtherRolesRegionsAndBadInput() throws Exception {
		var entry = jdbc.sql("""
				select id from training.catalogue_entry where valid_from <= :d and (valid_until is null or valid_until >= :d)
				order by id limit 1""").param("d", today()).query(Long.class).single();
		var before = state();
		var voucher = new Voucher.Request(RESIDENT, "柯桥试学员", entry, today().plusMonths(6));
		for (var actor : List.of(ENTERPRISE, PROVIDER, WORKER, DEPARTMENT)) {
			refused(() -> vouchers.issue(actor, voucher), AccessDeniedException.class, null);
			refused(() -> vouchers.issueToGroup(actor, "rural-migrant", entry, today().plusMonths(6)),
					AccessDeniedException.class, null);
		}
		refused(() -> vouchers.issue(SHAOXING, new Voucher.Request(voucher.idNumber(), "某人", -5L, today().plusMonths(6))),
				InvalidValueException.class, "training.voucher.catalogue-entry");
		refused(() -> vouchers.issue(SHAOXING, new Voucher.Request(voucher.idNumber(), "某人", entry, today().minusDays(1))),
				InvalidValueException.class, "training.voucher.valid-until");
		refused(() -> vouchers.issueToGroup(SHAOXING, "rural-migrant", entry, today().plusYears(3)),
				InvalidValueException.class, "training.voucher.valid-until");
		// a Shaoxing resident is out of Hangzhou's reach; in Shaoxing's, the name must be theirs
		refused(() -> vouchers.issue(HANGZHOU, voucher), ForbiddenException.class, "person.out-of-scope");
		refused(() -> vouchers.issue(SHAOXING, new Voucher.Request(RESIDENT, "别人", entry, today().plusMonths(6))),
				BusinessException.class, "person.name-mismatch");
		refused(() -> vouchers.list(ENTERPRISE), AccessDeniedException.class, null);
		refused(() -> vouchers.issued(PROVIDER, TrainingFilter.NONE, PageRequest.first(20)), AccessDeniedException.class,
				null);

		var standard = new SubsidyCatalogue.Entry(OCCUPATION, "junior", 1200, false, today(), null, "浙人社发〔2025〕1号");
		refused(() -> catalogue.add(SHAOXING, standard), AccessDeniedException.class, null);
		refused(() -> catalogue.add(PROVINCE, new SubsidyCatalogue.Entry(OCCUPATION, "junior", -1, false, today(), null,
				"依据")), InvalidValueException.class, "training.catalogue.standard");
		refused(() -> catalogue.add(PROVINCE, new SubsidyCatalogue.Entry(OCCUPATION, "junior", 1200, false, today(),
				today().minusDays(1), "依据")), InvalidValueException.class, "training.catalogue.validity");
		refused(() -> catalogue.add(PROVINCE, new SubsidyCatalogue.Entry(OCCUPATION, "junior", 1200, false, today(), null,
				" ")), InvalidValueException.class, "training.catalogue.basis-required");
		refused(() -> catalogue.unmet(ENTERPRISE, TrainingFilter.NONE, PageRequest.first(20)), AccessDeniedException.class,
				null);

		refused(() -> lists.changeRule(SHAOXING, new ThreeLists.KeyRule(true, List.of("SMALL"), 10)),
				AccessDeniedException.class, null);
		refused(() -> lists.changeRule(PROVINCE, new ThreeLists.KeyRule(true, List.of("SMALL"), 0)),
				InvalidValueException.class, "training.key-rule.invalid");
		refused(() -> lists.changeRule(PROVINCE, new ThreeLists.KeyRule(true, List.of("GIANT"), 10)),
				InvalidValueException.class, "training.key-rule.invalid");
		for (var actor : List.of(ENTERPRISE, PROVIDER, WORKER, DEPARTMENT)) {
			refused(() -> lists.keyEnterprises(actor, TrainingFilter.NONE, PageRequest.first(20)),
					AccessDeniedException.class, null);
			refused(() -> lists.labourDemand(actor, TrainingFilter.NONE, PageRequest.first(20)),
					AccessDeniedException.class, null);
			refused(() -> lists.trainingOrders(actor, TrainingFilter.NONE, PageRequest.first(20)),
					AccessDeniedException.class, null);
			refused(() -> export.keyEnterprises(actor, TrainingFilter.NONE, Locale.SIMPLIFIED_CHINESE,
					new ByteArrayOutputStream()), AccessDeniedException.class, null);
			refused(() -> export.labourDemand(actor, TrainingFilter.NONE, Locale.SIMPLIFIED_CHINESE,
					new ByteArrayOutputStream()), AccessDeniedException.class, null);
			refused(() -> export.trainingOrders(actor, TrainingFilter.NONE, Locale.SIMPLIFIED_CHINESE,
					new ByteArrayOutputStream()), AccessDeniedException.class, null);
			refused(() -> signals.signals(actor), AccessDeniedException.class, null);
		}

		var need = need(ENTERPRISE_CODE, 3, today().plusMonths(2), 6000, null);
		refused(() -> demand.submit(ENTERPRISE, need("91330602MA2D00000X", 3, today().plusMonths(2), 6000, null)),
				NotFoundException.class, "training.enterprise.not-found");
		refused(() -> demand.submit(HANGZHOU, need(ENTERPRISE_CODE, 3, today().plusMonths(2), 6000, "VISIT")),
				AccessDeniedException.class, null);
		refused(() -> demand.submit(PROVIDER, need), AccessDeniedException.class, null);
		refused(() -> demand.submit(ENTERPRISE, need(ENTERPRISE_CODE, 3, today().plusMonths(2), 6000, "VISIT")),
				InvalidValueException.class, "training.demand.source");
		refused(() -> demand.submit(SHAOXING, need(ENTERPRISE_CODE, 3, today().plusMonths(2), 6000, "RUMOUR")),
				InvalidValueException.class, "training.demand.source");
		refused(() -> demand.submit(ENTERPRISE, need(ENTERPRISE_CODE, 0, today().plusMonths(2), 6000, null)),
				InvalidValueException.class, "training.demand.headcount");
		refused(() -> demand.submit(ENTERPRISE, need(ENTERPRISE_CODE, 3, today().minusDays(1), 6000, null)),
				InvalidValueException.class, "training.demand.needed-by");
		refused(() -> demand.submit(ENTERPRISE, need(ENTERPRISE_CODE, 3, today().plusMonths(2), 10, null)),
				InvalidValueException.class, "training.demand.wage");
		var item = demand.submit(ENTERPRISE, need);
		refused(() -> demand.find(HANGZHOU, item.id()), NotFoundException.class, "training.demand.not-found");
		refused(() -> demand.close(HANGZHOU, item.id()), NotFoundException.class, "training.demand.not-found");
		refused(() -> demand.close(PROVIDER, item.id()), NotFoundException.class, "training.demand.not-found");
		assertThat(demand.find(ENTERPRISE, item.id()).status()).isEqualTo("OPEN");
		assertThat(state()).isEqualTo(before);
	}

	/** What a refusal must leave as it was: the fixtures, and how many vouchers, entries and orders there are. */
	private String state() {
		return jdbc.sql("""
				select (select status || ' ' || headcount || ' ' || planned from training.training_order where id = :o)
				    || ' | ' || (select capacity || ' ' || version || ' ' || status from training.training_class where id = :c)
				    || ' | ' || (select count(*) from training.training_order) || ' ' || (select count(*) from training.training_class)
				    || ' ' || (select count(*) from training.voucher) || ' ' || (select count(*) from training.catalogue_entry)
				    || ' ' || (select count(*) from training.enrolment) || ' ' || (select count(*) from training.attendance)
				    || ' | ' || (select count_clusters || ' ' || sizes::text || ' ' || min_headcount from training.key_rule)
				""").param("o", order.id()).param("c", trainingClass.id()).query(String.class).single();
	}

	private long firstSession() {
		return trainingClass.sessions().get(0).id();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	static TrainingOrder.Request request(int headcount, LocalDate wantedStart, String kind) {
		return new TrainingOrder.Request(ENTERPRISE_CODE, null, OCCUPATION, null, headcount, wantedStart, "330603", kind,
				false);
	}

	static DemandItem.Entry need(String enterprise, int headcount, LocalDate neededBy, int wage, String source) {
		return new DemandItem.Entry(enterprise, OCCUPATION, null, headcount, neededBy, wage, null, "330603", source);
	}

	static TrainingClass.Plan plan(int capacity, List<TrainingClass.SessionPlan> sessions) {
		return new TrainingClass.Plan(OCCUPATION, null, "OFF_JOB", capacity, List.of("王师傅"), null, sessions);
	}

	static List<TrainingClass.SessionPlan> sessions(Instant first) {
		var start = first.truncatedTo(ChronoUnit.HOURS);
		return List.of(new TrainingClass.SessionPlan(start, start.plus(2, ChronoUnit.HOURS), "柯桥区实训基地 3 号楼"));
	}

	static void refused(ThrowingCallable call, Class<? extends Exception> type, String code) {
		var thrown = assertThatThrownBy(call).isInstanceOf(type);
		if (code != null) {
			thrown.isInstanceOf(BusinessException.class).hasFieldOrPropertyWithValue("code", code);
		}
	}

	static Actor officer(String username, Role role, String code, String path) {
		return new Actor(0, username, username, role, DataScope.region(RegionCode.of(code), path), false);
	}
}
