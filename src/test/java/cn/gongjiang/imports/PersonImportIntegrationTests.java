package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestNames;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/** X-3 with REG-1: persons from CSV (UTF-8, GBK) and xlsx; every bad row named; good rows kept; replays inert. */
@IntegrationTest
class PersonImportIntegrationTests {

	static final Actor SHAOXING = new Actor(0, "shaoxing", "绍兴市人力社保局", Role.CITY_OFFICER,
			DataScope.region(RegionCode.of("330600"), "/330000/330600/"), false);

	static final String HEADER = "姓名,身份证号,户籍地区划代码,常住地区划代码,手机号,人员类别,学历,工作单位统一社会信用代码\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BulkImport bulkImport;

	@Autowired
	Imports imports;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportRunner runner;

	@Autowired
	DataSource dataSource;

	@Autowired
	PersonalDataCipher cipher;

	@Test
	void goodRowsAreAppliedAndEveryBadRowIsNamedWithRowColumnAndRule() throws Exception {
		var csv = HEADER
				+ "孙丽,330602198801014428,330602,330602,13811112222,农村转移劳动者；退役军人,高中,91330603MA2D12345A\n" // row 2 ok
				+ "周杰,330602198801014427,330602,330602,,,,\n"                   // 3 check digit
				+ "吴敏,330602198802304425,330602,330602,,,,\n"                   // 4 birth date
				+ "郑强,330602199001014416,339999,330602,,,,\n"                   // 5 unknown hukou region
				+ ",330602199001014432,330602,330602,,,,\n"                      // 6 name required
				+ "孙丽,330602198801014428,330602,330602,,,,\n"                   // 7 duplicate of row 2
				+ "钱宇,330106199001014414,330106,330106,,,,\n"                   // 8 Hangzhou: outside Shaoxing
				+ "冯娟,330602199201014429,330602,330602,12345,宇航员,博士后,\n";  // 9 three errors
		var job = importFile("shaoxing", "persons.csv", bom(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(job).containsEntry("status", "DONE").containsEntry("totalRows", 8).containsEntry("acceptedRows", 1)
				.containsEntry("rejectedRows", 7).containsEntry("unchangedRows", 0);
		var errors = errors("shaoxing", job);
		assertThat(errors).contains(
				"3|身份证号|import.id-number.check-digit",
				"4|身份证号|import.id-number.birth-date",
				"5|户籍地区划代码|import.region.unknown",
				"6|姓名|import.required",
				"7|身份证号|import.duplicate-in-file",
				"8|常住地区划代码|import.scope.outside",
				"9|手机号|import.person.mobile.format",
				"9|人员类别|import.person.group.unknown",
				"9|学历|import.person.education.unknown");
		assertThat(jdbc.sql("select name || ' ' || array_to_string(groups, ',') from registry.person where name = '孙丽'")
				.query(String.class).single()).isEqualTo("孙丽 rural-migrant,veteran");
		assertThat(archive("shaoxing", "孙丽")).as("the archive records the registration")
				.filteredOn(line -> line.startsWith("REGISTERED")).hasSize(1);
	}

	@Test
	void reImportingTheSameFileChangesNothingAndACorrectionChangesOnlyItsRow() throws Exception {
		var csv = HEADER + "刘洋,330603199105054419,330603,330603,,,,\n" + "何静,330603199206064421,330603,330603,,,,\n";
		var first = importFile("keqiao", "a.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(first).containsEntry("acceptedRows", 2).containsEntry("unchangedRows", 0);
		var again = importFile("keqiao", "a.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again).containsEntry("acceptedRows", 0).containsEntry("unchangedRows", 2);
		var corrected = importFile("keqiao", "a.csv", csv.replace("何静", "何晶").getBytes(StandardCharsets.UTF_8));
		assertThat(corrected).containsEntry("acceptedRows", 1).containsEntry("unchangedRows", 1);
		assertThat(jdbc.sql("select count(*) from registry.person where id_number_masked in ('330603********4419', '330603********4421')")
				.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void gbkCsvAsExcelWritesItIsReadCorrectly() throws Exception {
		var csv = HEADER + "欧阳娜娜,330681199307074425,330681,330681,,外卖骑手,大专,\n";
		var job = importFile("shaoxing", "gbk.csv", csv.getBytes(Charset.forName("GBK")));
		assertThat(job).containsEntry("acceptedRows", 1);
		assertThat(jdbc.sql("select name from registry.person where id_number_masked = '330681********4425'")
				.query(String.class).single()).isEqualTo("欧阳娜娜");
	}

	@Test
	void xlsxIsReadByHeaderNameInAnyColumnOrder() throws Exception {
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "test", "1.0");
		var sheet = workbook.newWorksheet("人员");
		var rows = List.of(List.of("常住地区划代码", "身份证号", "姓名"), List.of("330683", "330683199408084414", "严冬"),
				List.of("330683", "330683199408084415", "严夏"));
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < 3; c++) {
				sheet.value(r, c, rows.get(r).get(c));
			}
		}
		workbook.finish();
		var job = importFile("shaoxing", "people.xlsx", out.toByteArray());
		assertThat(job).containsEntry("acceptedRows", 1).containsEntry("rejectedRows", 1);
		assertThat(errors("shaoxing", job)).containsExactly("3|身份证号|import.id-number.check-digit");
	}

	@Test
	void aFileWithoutARequiredHeaderOrNotASpreadsheetFailsWithOneClearError() throws Exception {
		var noIdColumn = importFile("shaoxing", "x.csv", "姓名,常住地区划代码\n张三,330602\n".getBytes(StandardCharsets.UTF_8));
		assertThat(noIdColumn).containsEntry("status", "FAILED").containsEntry("failureCode", "import.header.missing");
		assertThat((String) noIdColumn.get("failureMessage")).contains("身份证号");
		var binary = importFile("shaoxing", "x.pdf", new byte[] { 37, 80, 68, 70, 0, 1, 2, 3 });
		assertThat(binary).containsEntry("status", "FAILED").containsEntry("failureCode", "import.file.unreadable");
		var empty = importFile("shaoxing", "empty.csv", new byte[0]);
		assertThat(empty).containsEntry("status", "FAILED").containsEntry("failureCode", "import.file.empty");
	}

	@Test
	void aHeaderTheKindDoesNotReadIsNamedToTheUploaderInsteadOfSilentlyDropped() throws Exception {
		// a clerk wrote 工作单位 for 工作单位统一社会信用代码: the rows go in, and the job says which column was not read
		var csv = "序号,姓名,身份证号,户籍地区划代码,常住地区划代码,工作单位\n1,卫东," + idNumber("33068119940303441")
				+ ",330681,330681,91330603MA2D12345A\n";
		var job = importFile("shaoxing", "unknown-header.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("status", "DONE").containsEntry("acceptedRows", 1)
				.containsEntry("ignoredColumns", List.of("序号", "工作单位"));
		var page = mvc.perform(get("/imports/" + job.get("id")).session(console.session("shaoxing")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"import-ignored\"", "序号、工作单位", "工作单位统一社会信用代码");
		var clean = importFile("shaoxing", "known-headers.csv", (HEADER + "卫红," + idNumber("33068119950303441")
				+ ",330681,330681,,,,\n")
				.getBytes(StandardCharsets.UTF_8));
		assertThat(clean).containsEntry("ignoredColumns", List.of());
	}

	@Test
	void theErrorReportHasTheRefusedRowsInTheirOwnLayoutWithTheReason() throws Exception {
		var csv = HEADER + "好人,330624199509094419,330624,330624,,,,\n" + "坏人,330624199509094411,330624,330624,,,,\n";
		var job = importFile("shaoxing", "report.csv", csv.getBytes(StandardCharsets.UTF_8));
		var bytes = mvc.perform(get("/api/v1/imports/" + job.get("id") + "/errors.xlsx")
				.header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			var rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).getCellText(1)).isEqualTo("姓名");
			assertThat(rows.get(1).getCellText(0)).isEqualTo("3");
			assertThat(rows.get(1).getCellText(1)).isEqualTo("坏人");
			assertThat(rows.get(1).getCellText(9)).contains("身份证号", "校验码");
		}
	}

	/**
	 * the process stops while a file is being merged — one chunk committed, the next killed mid-statement, the
	 * rest staged but not merged — and the job, still RUNNING, runs again at the next start: every row is there
	 * once, those merged before the stop counted unchanged. Merged 10 rows a chunk here so 30 rows make three
	 * chunks; row 17 (the 16th person, in the second chunk) is on record already and held locked, so the second
	 * chunk waits on it and is killed there.
	 */
	@Test
	void anInterruptedImportRunsAgainWithNoRowLostOrDoubled() throws Exception {
		var lines = new ArrayList<String>();
		for (int i = 0; i < 30; i++) {
			var seventeen = "3306041990020" + String.format("%03d", 100 + i) + "1";
			lines.add(TestNames.of("断点", i) + "," + idNumber(seventeen) + ",330604,330604,,,,\n");
		}
		var held = TestNames.of("断点", 15);
		assertThat(importFile("shaoxing", "one.csv", (HEADER + lines.get(15)).getBytes(StandardCharsets.UTF_8)))
				.containsEntry("acceptedRows", 1);
		runner.mergeChunk(10);
		try (var lock = dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try (var select = lock.prepareStatement("select id from registry.person where name = ? for update")) {
				select.setString(1, held);
				select.executeQuery().close();
			}
			var id = bulkImport.submit(SHAOXING, "persons", "big.csv",
					new ByteArrayInputStream((HEADER + String.join("", lines)).getBytes(StandardCharsets.UTF_8)));
			// the second chunk's merge waits on the held row: kill it there, as a stopped process would
			var merging = await().atMost(Duration.ofSeconds(60))
					.until(() -> jdbc.sql("""
							select pid from pg_stat_activity
							where wait_event_type = 'Lock' and query like '%insert into registry.person as t%'
							""").query(Integer.class).optional(), Optional::isPresent).orElseThrow();
			jdbc.sql("select pg_terminate_backend(:pid)").param("pid", merging).query(Boolean.class).single();
			assertThat(awaitDone("shaoxing", id.toString())).containsEntry("status", "FAILED");
			lock.rollback();

			// half merged, half staged: the first chunk and the person on record before, the rest only staged
			assertThat(persons()).isEqualTo(11);
			assertThat(jdbc.sql("select applied_rows from imports.import_job where id = :id").param("id", id)
					.query(Integer.class).single()).isEqualTo(10);
			assertThat(jdbc.sql("select count(*) from registry.person_key_staging where job_id = :id").param("id", id)
					.query(Long.class).single()).as("every row's key staged").isEqualTo(30);
			// the process died there: the job was never marked failed
			jdbc.sql("""
					update imports.import_job set status = 'RUNNING', finished_at = null, failure_code = null,
					    failure_detail = null
					where id = :id""").param("id", id).update();
			bulkImport.resumeUnfinished();
			var resumed = awaitDone("shaoxing", id.toString());
			assertThat(resumed).containsEntry("status", "DONE").containsEntry("totalRows", 30)
					.containsEntry("acceptedRows", 19).containsEntry("unchangedRows", 11).containsEntry("rejectedRows", 0);
			assertThat(persons()).isEqualTo(30);
			assertThat(jdbc.sql("""
					select count(distinct id_number_index) from registry.person
					where residence_region = '330604' and name like '断点%'""").query(Long.class).single()).isEqualTo(30);
			assertThat(jdbc.sql("""
					select (select count(*) from registry.person_key_staging where job_id = :id)
					     + (select count(*) from registry.person_staging where job_id = :id)""").param("id", id)
					.query(Long.class).single()).as("nothing left staged").isZero();
		}
		finally {
			runner.mergeChunk(ImportRunner.MERGE_CHUNK);
		}
	}

	/**
	 * X-3 (issue 18): ranges of rows are checked and merged while later rows are still read, so a duplicate must be
	 * found whichever range its first row was merged in. Ten rows a range here: rows 2-11, 12-21, 22-31.
	 */
	@Test
	void aDuplicateIsFoundWhicheverRangeOfRowsItsFirstRowWasMergedIn() throws Exception {
		var lines = new ArrayList<String>();
		for (int i = 0; i < 22; i++) {
			lines.add(TestNames.of("分段", i) + "," + idNumber("33068319900303" + String.format("%03d", 100 + i))
					+ ",330683,330683,,,,\n"); // rows 2-23
		}
		lines.add(lines.get(1)); // row 24: row 3 again, two ranges back
		lines.add(lines.get(11)); // row 25: row 13 again, the range before
		lines.add(lines.get(21)); // row 26: row 23 again, in its own range
		lines.add(lines.get(1)); // row 27: row 3 a third time
		runner.mergeChunk(10);
		try {
			var job = importFile("shaoxing", "ranges.csv", (HEADER + String.join("", lines)).getBytes(StandardCharsets.UTF_8));
			assertThat(job).containsEntry("status", "DONE").containsEntry("totalRows", 26)
					.containsEntry("acceptedRows", 22).containsEntry("rejectedRows", 4);
			assertThat(jdbc.sql("""
					select row_number || '<' || arguments[1] from imports.import_error
					where job_id = cast(:id as uuid) and code like '%duplicate-in-file' order by row_number
					""").param("id", job.get("id")).query(String.class).list())
					.as("each names the first row").containsExactly("24<3", "25<13", "26<23", "27<3");
			assertThat(jdbc.sql("select count(*) from registry.person where name like '分段%'").query(Long.class)
					.single()).isEqualTo(22);
		}
		finally {
			runner.mergeChunk(ImportRunner.MERGE_CHUNK);
		}
	}

	/**
	 * REG-1, X-3 (issue 18): new persons are inserted plainly and those on record go through the upsert, in one chunk:
	 * the new are created, the changed updated (with their archive line), the same left untouched.
	 */
	@Test
	void aChunkMixingNewAndExistingPersonsCreatesTheNewUpdatesTheChangedAndLeavesTheRest() throws Exception {
		var numbers = new ArrayList<String>();
		for (int i = 0; i < 6; i++) {
			numbers.add(idNumber("33068119850505" + String.format("%03d", 200 + i)));
		}
		var before = HEADER + TestNames.of("混合", 0) + "," + numbers.get(0) + ",330681,330681,,,,\n"
				+ TestNames.of("混合", 1) + "," + numbers.get(1) + ",330681,330681,,,,\n"
				+ TestNames.of("混合", 2) + "," + numbers.get(2) + ",330681,330681,,,,\n";
		assertThat(importFile("shaoxing", "before.csv", before.getBytes(StandardCharsets.UTF_8)))
				.containsEntry("acceptedRows", 3);
		var mixed = HEADER + TestNames.of("混合", 3) + "," + numbers.get(3) + ",330681,330681,,,,\n" // new
				+ TestNames.of("混合", 0) + "," + numbers.get(0) + ",330681,330681,,,,\n" // the same
				+ TestNames.of("混合", 4) + "," + numbers.get(4) + ",330681,330681,,,,\n" // new
				+ TestNames.of("混合", 1) + "," + numbers.get(1) + ",330681,330624,,,,\n" // moved to 新昌
				+ TestNames.of("混合", 5) + "," + numbers.get(5) + ",330681,330681,,,,\n" // new
				+ TestNames.of("混合", 2) + "," + numbers.get(2) + ",330681,330681,13911112222,,,\n"; // a mobile
		var job = importFile("shaoxing", "mixed.csv", mixed.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("status", "DONE").containsEntry("acceptedRows", 5)
				.containsEntry("unchangedRows", 1).containsEntry("rejectedRows", 0);
		assertThat(jdbc.sql("""
				select name || ' ' || residence_region || ' ' || coalesce(mobile_masked, '-') || ' v' || version
				from registry.person where name like '混合%'
				""").query(String.class).list()).containsExactlyInAnyOrder(
						TestNames.of("混合", 0) + " 330681 - v0", TestNames.of("混合", 1) + " 330624 - v1",
						TestNames.of("混合", 2) + " 330681 139****2222 v1", TestNames.of("混合", 3) + " 330681 - v0",
						TestNames.of("混合", 4) + " 330681 - v0", TestNames.of("混合", 5) + " 330681 - v0");
		for (int i = 0; i < 6; i++) {
			assertThat(archive("shaoxing", TestNames.of("混合", i))).as("one registration each, one move")
					.filteredOn(line -> !line.startsWith("REGISTERED")).hasSize(i == 1 ? 1 : 0);
		}
		// REG-4: the moved person's registration still says where they lived when registered (诸暨, not 新昌)
		assertThat(archive("shaoxing", TestNames.of("混合", 1))).containsExactly("REGISTERED 在绍兴市诸暨市建立档案",
				"RESIDENCE 常住地由绍兴市诸暨市迁至绍兴市新昌县");
	}

	/** The person's archive lines as their officer reads them (REG-4): each line's kind and sentence. */
	List<String> archive(String officer, String name) throws Exception {
		var id = jdbc.sql("select id from registry.person where name = :name").param("name", name).query(Long.class)
				.single();
		var body = mvc.perform(get("/api/v1/persons/" + id + "/archive").header("Authorization", api.bearer(officer)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> kinds = JsonPath.read(body, "$.timeline[*].kind");
		List<String> details = JsonPath.read(body, "$.timeline[*].detail");
		var lines = new ArrayList<String>();
		for (int i = 0; i < kinds.size(); i++) {
			lines.add(kinds.get(i) + " " + details.get(i));
		}
		return lines;
	}

	/**
	 * X-3 (issue 18): a person registered by someone else while the import's plain insert of new persons runs makes it
	 * fail on the unique index; the chunk then goes through the upsert and the import finishes with every row in.
	 */
	@Test
	void aPersonRegisteredElsewhereDuringTheMergeIsUpdatedNotAFailure() throws Exception {
		var number = idNumber("33060219870707" + "301");
		var other = idNumber("33060219870707" + "302");
		var csv = HEADER + TestNames.of("并发", 0) + "," + other + ",330602,330602,,,,\n"
				+ TestNames.of("并发", 1) + "," + number + ",330602,330602,,,,\n";
		try (var registrar = dataSource.getConnection()) {
			registrar.setAutoCommit(false);
			try (var insert = registrar.prepareStatement("""
					insert into registry.person (id_number_index, id_number_sealed, id_number_masked, name, sex, birth_date,
					    residence_region, residence_path)
					values (?, ?, ?, ?, 'M', date '1987-07-07', '330602', '/330000/330600/330602/')
					""")) {
				insert.setBytes(1, cipher.index(number));
				insert.setBytes(2, cipher.seal(number));
				insert.setString(3, number.substring(0, 6) + "********" + number.substring(14));
				insert.setString(4, TestNames.of("并发", 2));
				insert.executeUpdate();
			}
			var id = bulkImport.submit(SHAOXING, "persons", "race.csv",
					new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
			// the import's insert waits for the registrar's uncommitted row with the same ID number
			await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
					select count(*) from pg_stat_activity
					where wait_event_type = 'Lock' and query like 'copy registry.person (%'
					""").query(Long.class).single() > 0);
			registrar.commit();
			var job = awaitDone("shaoxing", id.toString());
			assertThat(job).containsEntry("status", "DONE").containsEntry("acceptedRows", 2)
					.containsEntry("rejectedRows", 0);
		}
		assertThat(jdbc.sql("select name from registry.person where id_number_index = :index")
				.param("index", cipher.index(number)).query(String.class).single())
				.as("the file's name wins, as for any person on record").isEqualTo(TestNames.of("并发", 1));
		assertThat(jdbc.sql("select count(*) from registry.person where name like '并发%'").query(Long.class).single())
				.isEqualTo(2);
	}

	private long persons() {
		return jdbc.sql("select count(*) from registry.person where residence_region = '330604' and name like '断点%'")
				.query(Long.class).single();
	}

	@Test
	void templatesCarryTheHeadersAndOnlyOfficersImportPersons() throws Exception {
		var csv = mvc.perform(get("/api/v1/imports/templates/persons.csv").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFF姓名*,身份证号*,户籍地区划代码,常住地区划代码*");
		mvc.perform(get("/api/v1/imports/templates/persons.xlsx").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isOk());
		mvc.perform(get("/api/v1/imports/templates/spaceships.csv").header("Authorization", api.bearer("shaoxing")))
				.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("import.kind.unknown"));
		mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "x.csv", "text/csv",
				HEADER.getBytes(StandardCharsets.UTF_8))).param("kind", "persons")
				.header("Authorization", api.bearer("enterprise-demo")))
				.andExpect(status().isForbidden());
	}

	@Test
	void anotherAccountCannotSeeSomeonesImport() throws Exception {
		var job = importFile("shaoxing", "p.csv", HEADER.getBytes(StandardCharsets.UTF_8));
		mvc.perform(get("/api/v1/imports/" + job.get("id")).header("Authorization", api.bearer("hangzhou")))
				.andExpect(status().isNotFound());
	}

	Map<String, Object> importFile(String officer, String name, byte[] content) throws Exception {
		return imports.run(officer, "persons", name, content);
	}

	Map<String, Object> awaitDone(String officer, String id) throws Exception {
		return imports.awaitDone(officer, id);
	}

	List<String> errors(String officer, Map<String, Object> job) throws Exception {
		return imports.errors(officer, job);
	}

	static byte[] bom(byte[] content) {
		var out = new byte[content.length + 3];
		out[0] = (byte) 0xEF;
		out[1] = (byte) 0xBB;
		out[2] = (byte) 0xBF;
		System.arraycopy(content, 0, out, 3, content.length);
		return out;
	}

	static String idNumber(String seventeen) {
		return IdNumber.withCheckDigit(seventeen);
	}
}
