package cn.gongjiang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.IntegrationTest;

/**
 * X-5 and TGT-2: generated returns follow the approval rules (counties approved by their city before the city's own
 * figure, departments by the province) and loading again changes nothing. Rolled back, so other tests see none.
 */
@IntegrationTest
class TargetReturnsLoaderIntegrationTests {

	@Autowired
	TargetReturnsLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	@Transactional
	void everyOwedFigureIsReturnedAtEveryPastQuarterEndAndApprovedByTheLevelAbove() {
		var today = LocalDate.now(clock);
		var loaded = loader.load(42, today);

		assertThat(loaded.submitted()).isPositive();
		var approved = jdbc.sql("""
				select count(*) from targets.return_report where submitted_by like 'generator-%' and status = 'APPROVED'
				""").query(Integer.class).single();
		assertThat(approved).isEqualTo(loaded.submitted());
		assertThat(jdbc.sql("""
				select count(*) from targets.return_report where submitted_by like 'generator-%'
				  and (as_of >= :today or extract(day from as_of + 1) <> 1 or extract(month from as_of) not in (3, 6, 9, 12))
				""").param("today", today).query(Integer.class).single()).as("at past quarter ends").isZero();
		// a generated figure still waiting is one whose approval waits for a county's figure below it that another
		// test left undecided (a city's figure is approved only after its counties')
		assertThat(jdbc.sql("""
				select count(*) from targets.return_report r where r.submitted_by like 'generator-%' and r.status <> 'APPROVED'
				  and not exists (select 1 from targets.return_report c where c.indicator = r.indicator
				                  and c.as_of = r.as_of and c.region_path like r.region_path || '_%' and c.status <> 'APPROVED')
				""").query(Integer.class).single()).as("waiting only for a figure below it").isZero();
		// a county's figure is decided by its city, a city's or a department's by the province
		assertThat(jdbc.sql("""
				select count(*) from targets.return_report where submitted_by like 'generator-%' and not (
				    (region_code is null and decided_by = 'generator-330000')
				    or (region_code is not null and decided_by = 'generator-' || split_part(region_path, '/', array_length(string_to_array(region_path, '/'), 1) - 2)))
				""").query(Integer.class).single()).isZero();
		// departments and cities both report
		assertThat(jdbc.sql("select count(distinct task_line_id) from targets.return_report where submitted_by like 'generator-%'")

				.query(Integer.class).single()).isPositive();
		assertThat(jdbc.sql("select count(distinct region_code) from targets.return_report where submitted_by like 'generator-%'")
				.query(Integer.class).single()).isGreaterThanOrEqualTo(11);

		var again = loader.load(42, today);
		assertThat(again.submitted()).isZero();
		assertThat(again.locked()).isEqualTo(loaded.submitted() + loaded.locked());
	}
}
