package cn.gongjiang.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestNames;
import cn.gongjiang.enrolment.RegistrationStatusChanged;
import cn.gongjiang.recruitment.PlacementRecorded;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.subsidy.SubsidyOutcomesRecorded;
import cn.gongjiang.training.TrainingStepRecorded;

/**
 * REG-4 (issue 17): what the other modules publish reaches the lifelong archive through the event publication
 * registry, and no module writes the archive's table: a training completion, a subsidy decision, a 学籍 change and a
 * placement, each published in its own committed transaction as its module does, become lines of the person's archive
 * and sentences on it. Without the archive's listener for one of them, its line never comes.
 */
@IntegrationTest
class ArchiveReportsIntegrationTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PersonRegistry persons;

	@Autowired
	PersonArchive archives;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aCompletionADecisionAnEnrolmentChangeAndAPlacementReachTheArchiveThroughTheirEvents() {
		var n = Math.floorMod(System.nanoTime(), 1000);
		var person = persons.realName(IdNumber.parse(IdNumber.withCheckDigit("33060219860606" + "%03d".formatted(n))),
				TestNames.of("档案", n), "330602", "test").personId();
		var today = LocalDate.now(clock);
		publish(new TrainingStepRecorded(person, today, "COMPLETED", 0, "绍兴档案测试培训学校", "6-18-01-01", "senior",
				"12"));
		publish(new SubsidyOutcomesRecorded(List.of(new SubsidyOutcomesRecorded.Outcome(person, today, "ARCHTEST" + n,
				"TRAINING", "GRANTED", Money.of(new BigDecimal("1500.00")), "subsidy.granted", List.of()))));
		publish(new RegistrationStatusChanged(person, today, "GRADUATED", "绍兴档案测试技工学校", "0101", 2023, "AUTUMN",
				null));
		publish(new PlacementRecorded(0, IdNumberIndex.fromHex("00"), "/330000/330600/330603/", today.plusDays(7), false, null, person, today,
				"91330603MA2D12345A", "档案测试车工", "6-18-01-01", 12, "POSTING"));
		ArchiveCaughtUp.await(jdbc);

		assertThat(jdbc.sql("select kind || ' ' || source from archive.line where person_id = :p order by id")
				.param("p", person).query(String.class).list())
				.containsExactlyInAnyOrder("TRAINING training", "SUBSIDY subsidy", "ENROLMENT enrolment",
						"PLACEMENT recruitment");
		assertThat(jdbc.sql("""
				select count(*) from event_publication
				where listener_id like 'cn.gongjiang.archive.ArchiveReports%' and completion_date is not null
				  and serialized_event like '%' || :certificate || '%'
				""").param("certificate", "ARCHTEST" + n).query(Long.class).single())
				.as("the subsidy outcome came through the event publication registry").isEqualTo(1);

		var officer = new Actor(0, "shaoxing", "绍兴市人力社保局", Role.CITY_OFFICER,
				DataScope.region(RegionCode.of("330600"), "/330000/330600/"), false);
		var sentences = archives.of(officer, person).timeline().stream().map(ArchiveEntry::detail).toList();
		assertThat(sentences).contains("在绍兴档案测试培训学校完成车工 高级工(三级)培训并结业（出勤 12 课次）",
				"从绍兴档案测试技工学校毕业（0101，2023年秋季入学）")
				.contains("职业技能培训补贴已核定 1,500 元（证书 ARCHTEST%d），待发放".formatted(n))
				.anySatisfy(s -> assertThat(s).startsWith("入职绍兴示范机械有限公司，岗位“档案测试车工”（车工）"));
	}

	/**
	 * REG-4: the registry delivers a publication again when its completion was not recorded (a crash after the line's
	 * commit); the report it carries is one line however often it comes, one at a time or in a chunk's COPY, and a
	 * chunk that repeats some lines still adds the new ones. (The listeners run asynchronously, so the lines are
	 * written here as the listener writes them, each delivery in a transaction of its own.)
	 */
	@Test
	void aReportDeliveredAgainLeavesOneLine() {
		var n = Math.floorMod(System.nanoTime(), 1000);
		var person = persons.realName(IdNumber.parse(IdNumber.withCheckDigit("33060219870707" + "%03d".formatted(n))),
				TestNames.of("重投", n), "330602", "test").personId();
		var today = LocalDate.now(clock);
		var enrolled = line(person, today, "TRAINING", Map.of("step", "ENROLLED", "class", 7));
		deliver(List.of(enrolled));
		deliver(List.of(enrolled));
		var a = line(person, today, "SUBSIDY", Map.of("certificate", "REPLAY-A" + n, "outcome", "GRANTED"));
		var b = line(person, today, "SUBSIDY", Map.of("certificate", "REPLAY-B" + n, "outcome", "GRANTED"));
		var c = line(person, today, "SUBSIDY", Map.of("certificate", "REPLAY-C" + n, "outcome", "GRANTED"));
		deliver(List.of(a, b));
		deliver(List.of(a, b));
		deliver(List.of(b, c, c));

		assertThat(jdbc.sql("""
				select kind || ' ' || coalesce(detail->>'certificate', detail->>'step') from archive.line
				where person_id = :p""").param("p", person).query(String.class).list())
				.containsExactlyInAnyOrder("TRAINING ENROLLED", "SUBSIDY REPLAY-A" + n, "SUBSIDY REPLAY-B" + n,
						"SUBSIDY REPLAY-C" + n);
	}

	/**
	 * X-5 (issue 18): a line written goes into one index, the report's key, which is also what a person's archive is
	 * read by (archive V5): person, day, kind, source and the hash of the values.
	 */
	@Test
	void theReportsKeyIsTheLinesOneIndex() {
		assertThat(jdbc.sql("""
				select pg_get_indexdef(i.indexrelid) from pg_index i where i.indrelid = cast('archive.line' as regclass)
				""").query(String.class).list()).singleElement().asString()
				.contains("UNIQUE", "(person_id, occurred_on, kind, source, detail_hash)");
		assertThat(jdbc.sql("""
				select count(*) from archive.line where detail_hash is distinct from jsonb_hash_extended(detail, 0)
				""").query(Long.class).single()).isZero();
	}

	@Autowired
	ArchiveLines lines;

	private static ArchiveLines.Line line(PersonId person, LocalDate on, String kind, Map<String, ?> detail) {
		return new ArchiveLines.Line(person, on, kind, detail, kind.toLowerCase());
	}

	private void deliver(List<ArchiveLines.Line> delivered) {
		transactions.executeWithoutResult(tx -> lines.addAll(delivered));
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(tx -> events.publishEvent(event));
	}
}
