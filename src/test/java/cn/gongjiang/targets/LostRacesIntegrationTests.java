package cn.gongjiang.targets;

import static cn.gongjiang.Races.audited;
import static cn.gongjiang.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.Api;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * Issue 17, TGT: a county's return decided by two of its city's officers at once is decided once, and one decided
 * from a page older than the figure (resubmitted since) is refused rather than approving what nobody saw.
 */
@IntegrationTest
class LostRacesIntegrationTests {

	static final Actor DEPUTY = new Actor(0, "shaoxing-deputy", "绍兴市人力社保局", Role.CITY_OFFICER,
			DataScope.region(RegionCode.of("330600"), "/330000/330600/"), false);

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Returns returns;

	@Autowired
	Rollups rollups;

	@Autowired
	TransactionTemplate transactions;

	long submit(String asOf, int value) throws Exception {
		var body = mvc.perform(post("/api/v1/targets/returns").header("Authorization", api.bearer("keqiao"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"indicator\": \"SKILL_BASED_VILLAGES_NEW\", \"region\": \"330603\", \"asOf\": \"%s\", \"value\": %d, \"evidence\": \"柯人社〔2025〕12号\"}"
						.formatted(asOf, value)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
	}

	Callable<Integer> approveInTheConsole(long id) {
		return () -> mvc.perform(post("/api/v1/targets/returns/{id}/approve", id)
				.header("Authorization", api.bearer("shaoxing"))).andReturn().getResponse().getStatus();
	}

	Callable<Integer> sendBackAsDeputy(long id) {
		return () -> {
			try {
				returns.sendBack(DEPUTY, id, "请附认定文件");
				return 200;
			}
			catch (ConflictException e) {
				return 409;
			}
		};
	}

	String statusOf(long id) {
		return jdbc.sql("select status from targets.return_report where id = :id").param("id", id).query(String.class)
				.single();
	}

	@Test
	void anApprovalAndASendBackOfTheSameReturnAtOnceDecideItOnceAndTheLoserIsAnswered409_TGT() throws Exception {
		var id = submit("2025-03-31", 2);
		var answers = race(approveInTheConsole(id), sendBackAsDeputy(id));
		assertThat(answers).containsExactlyInAnyOrder(200, 409);
		assertThat(statusOf(id)).isEqualTo(answers.get(0) == 200 ? "APPROVED" : "RETURNED");
		assertThat(jdbc.sql("select version from targets.return_report where id = :id").param("id", id)
				.query(Integer.class).single()).as("changed once").isEqualTo(1);
		assertThat(audited(jdbc, "targets.return.approve", String.valueOf(id), "SUCCESS")
				+ audited(jdbc, "targets.return.send-back", String.valueOf(id), "SUCCESS")).isOne();
	}

	@Test
	void anApprovalFromAPageOlderThanAResubmittedFigureIsRefused_TGT() throws Exception {
		var id = submit("2025-09-30", 5);
		var seen = jdbc.sql("select version from targets.return_report where id = :id").param("id", id)
				.query(Integer.class).single();
		// the deputy sends it back and the county resubmits a different figure while the officer's page is open
		returns.sendBack(DEPUTY, id, "请核实");
		assertThat(submit("2025-09-30", 9)).isEqualTo(id);
		mvc.perform(post("/api/v1/targets/returns/{id}/approve", id).param("version", String.valueOf(seen))
				.header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("targets.return.changed"));
		assertThat(statusOf(id)).isEqualTo("SUBMITTED");
		assertThat(audited(jdbc, "targets.return.approve", String.valueOf(id), "SUCCESS")).isZero();
		// from the page as it is now (or with no version, as before) it is approved
		mvc.perform(post("/api/v1/targets/returns/{id}/approve", id).param("version", String.valueOf(seen + 2))
				.header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.value").value(9));
		assertThat(audited(jdbc, "targets.return.approve", String.valueOf(id), "SUCCESS")).isOne();
	}

	/**
	 * Issue 18, TGT-2, X-5: listeners of two imported chunks at once count records on the same province, city and
	 * county days. Chunks that meet those rows in opposite orders both commit (each waits for the other instead of
	 * deadlocking) and every record counts once.
	 */
	@Test
	void twoChunksCountingTheSameDaysInOppositeOrdersBothCommitAndEveryRecordCountsOnce_TGT_2() throws Exception {
		var fact = "RACE_CHUNKS";
		var regions = List.of("/330000/330100/330106/", "/330000/330200/330203/", "/330000/330600/330603/");
		for (int round = 0; round < 3; round++) {
			var first = new ArrayList<Rollups.Change>();
			var second = new ArrayList<Rollups.Change>();
			for (int i = 0; i < 300; i++) { // the second chunk's records meet the days and regions the other way round
				int j = 299 - i;
				first.add(new Rollups.Change(fact, "%d:a%03d".formatted(round, i), Optional.of(Contribution
						.one(regions.get(i % 3), LocalDate.of(2026, 1, 1).plusDays(i % 40), "a" + i))));
				second.add(new Rollups.Change(fact, "%d:b%03d".formatted(round, i), Optional.of(Contribution
						.one(regions.get(j % 3), LocalDate.of(2026, 1, 1).plusDays(j % 40), "b" + i))));
			}
			Callable<Integer> a = () -> transactions.execute(s -> {
				rollups.setAll(first);
				return 200;
			});
			Callable<Integer> b = () -> transactions.execute(s -> {
				rollups.setAll(second);
				return 200;
			});
			assertThat(race(a, b)).containsExactly(200, 200);
		}
		assertThat(jdbc.sql("select sum(amount) from targets.actual_daily where fact = :f and region_code = '330000'")
				.param("f", fact).query(Integer.class).single()).isEqualTo(3 * 600);
		assertThat(jdbc.sql("select sum(amount) from targets.actual_daily where fact = :f and region_code = '330106'")
				.param("f", fact).query(Integer.class).single()).isEqualTo(3 * 200);

		// a replayed chunk changes nothing; one whose records no longer count (or moved day) moves the rollup back
		var replay = new ArrayList<Rollups.Change>();
		var undone = new ArrayList<Rollups.Change>();
		for (int i = 0; i < 300; i++) {
			replay.add(new Rollups.Change(fact, "0:a%03d".formatted(i), Optional.of(Contribution
					.one(regions.get(i % 3), LocalDate.of(2026, 1, 1).plusDays(i % 40), "a" + i))));
			undone.add(new Rollups.Change(fact, "1:a%03d".formatted(i), i < 150 ? Optional.empty()
					: Optional.of(Contribution.one(regions.get(i % 3), LocalDate.of(2025, 6, 1), "a" + i))));
		}
		transactions.executeWithoutResult(s -> rollups.setAll(replay));
		transactions.executeWithoutResult(s -> rollups.setAll(undone));
		assertThat(jdbc.sql("select sum(amount) from targets.actual_daily where fact = :f and region_code = '330000'")
				.param("f", fact).query(Integer.class).single()).isEqualTo(3 * 600 - 150);
		assertThat(jdbc.sql("""
				select sum(amount) from targets.actual_daily where fact = :f and region_code = '330000'
				  and day = date '2025-06-01'
				""").param("f", fact).query(Integer.class).single()).isEqualTo(150);
		rollups.rebuild();
		assertThat(jdbc.sql("select sum(amount) from targets.actual_daily where fact = :f and region_code = '330000'")
				.param("f", fact).query(Integer.class).single()).isEqualTo(3 * 600 - 150);
	}
}
