package cn.gongjiang.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Issue 17, TGT-1, TGT-2, TGT-5: a task line's departments are rows of {@code targets.task_line_department}. Line 24
 * of 001 附件1 (职业院校开展职业技能培训) is 省人力社保厅、省教育厅、团省委's; line 32 (社会化服务薪酬激励) is
 * 省人力社保厅、省教育厅、省财政厅's; 省经信厅 is on neither. Each work runs in a transaction rolled back at its end.
 */
@IntegrationTest
class TaskLineDepartmentsIntegrationTests {

	static final String HRSS = "省人力社保厅", EDUCATION = "省教育厅", YOUTH = "团省委", ECONOMY = "省经信厅",
			FINANCE = "省财政厅";

	@Autowired
	TargetMonitor monitor;

	@Autowired
	Returns returns;

	@Autowired
	Milestones milestones;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Test
	void aLineOfSeveralDepartmentsIsSeenByEachOfThemAndByNoOtherDepartment() {
		rolledBack(() -> {
			for (var d : List.of(HRSS, EDUCATION, YOUTH)) {
				assertThat(lines(department(d), null)).as(d).contains(24);
			}
			assertThat(lines(department(ECONOMY), null)).as("its own lines, not 24").contains(1, 3, 15).doesNotContain(24);
			// the province filtering by one of the line's departments finds the line; 团省委 and 省教育厅 set figures
			// on no other line (their other lines, 32 36 44 49 54, set none)
			var province = province();
			assertThat(lines(province, YOUTH)).containsExactly(24);
			assertThat(lines(province, EDUCATION)).containsExactly(24);
			assertThat(monitor.progress(department(YOUTH), query(null)).stream().map(p -> p.target().department())
					.distinct()).containsExactly("省人力社保厅、省教育厅、团省委");

			// a return one of them files is each one's to see, and no other department's
			var filed = returns.submit(department(YOUTH), new Returns.Submission("TASK_TRAINING_PERSON_TIMES", null,
					YOUTH, 24, null, LocalDate.now(clock).withDayOfYear(1), new BigDecimal("1200"), "团省委统计表"));
			assertThat(filed.department()).isEqualTo("省人力社保厅、省教育厅、团省委");
			for (var d : List.of(HRSS, EDUCATION, YOUTH)) {
				assertThat(returnIds(department(d), null)).as(d).contains(filed.id());
			}
			assertThat(returnIds(department(ECONOMY), null)).doesNotContain(filed.id());
			assertThat(returnIds(province, EDUCATION)).contains(filed.id());
			assertThat(returnIds(province, ECONOMY)).doesNotContain(filed.id());
			assertThatThrownBy(() -> returns.submit(department(ECONOMY), new Returns.Submission(
					"TASK_TRAINING_PERSON_TIMES", null, ECONOMY, 24, null, LocalDate.now(clock).withDayOfYear(1),
					BigDecimal.ONE, "x"))).isInstanceOf(InvalidValueException.class)
					.hasFieldOrPropertyWithValue("code", "targets.return.no-department-target");

			// milestones: line 32's are its three departments' to keep
			for (var d : List.of(HRSS, EDUCATION, FINANCE)) {
				assertThat(milestoneLines(department(d))).as(d).contains(32);
			}
			assertThat(milestoneLines(department(ECONOMY))).doesNotContain(32);
			assertThat(milestones.list(department(FINANCE), null).stream().filter(m -> m.taskLineId() == 32)
					.map(Milestone::departments).distinct()).containsExactly(List.of(HRSS, EDUCATION, FINANCE));
		});
	}

	@Test
	void aLinesDepartmentsAreItsRowsSoOneAddedSeesItsFiguresAndOneRemovedNoLonger() {
		rolledBack(() -> {
			jdbc.sql("insert into targets.task_line_department (task_line_id, position, department) values (24, 4, :d)")
					.param("d", ECONOMY).update();
			jdbc.sql("delete from targets.task_line_department where task_line_id = 24 and department = :d")
					.param("d", YOUTH).update();
			assertThat(lines(department(ECONOMY), null)).contains(24);
			assertThat(lines(department(YOUTH), null)).isEmpty();
			assertThat(monitor.progress(department(ECONOMY), query(null)).stream()
					.filter(p -> p.target().taskLineId() == 24).map(p -> p.target().department()).distinct())
					.containsExactly("省人力社保厅、省教育厅、省经信厅");
		});
	}

	private Set<Integer> lines(Actor actor, String department) {
		var lines = new TreeSet<Integer>();
		monitor.progress(actor, query(department)).stream().map(p -> p.target().taskLineId())
				.filter(Objects::nonNull).forEach(lines::add);
		return lines;
	}

	private Set<Long> returnIds(Actor actor, String department) {
		var ids = new TreeSet<Long>();
		returns.page(actor, new Returns.Filter("SUBMITTED", "TASK_TRAINING_PERSON_TIMES", null, department,
				LocalDate.now(clock).getYear()),
				PageRequest.first(200)).items().forEach(r -> ids.add(r.id()));
		return ids;
	}

	private Set<Integer> milestoneLines(Actor actor) {
		var lines = new TreeSet<Integer>();
		milestones.list(actor, null).forEach(m -> lines.add(m.taskLineId()));
		return lines;
	}

	private TargetMonitor.Query query(String department) {
		return new TargetMonitor.Query("TASK_TRAINING_PERSON_TIMES", null, false, department, 2026, null);
	}

	private void rolledBack(Runnable work) {
		transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			work.run();
		});
	}

	private static Actor department(String name) {
		return new Actor(0, "部门" + name, name, Role.DEPARTMENT_OFFICER, DataScope.department(name), false);
	}

	private static Actor province() {
		return new Actor(0, "省厅处室", "省厅处室", Role.PROVINCE_OFFICER,
				DataScope.region(RegionCode.of("330000"), DataScope.PROVINCE_PATH), false);
	}
}
