package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import cn.gongjiang.Api;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.IdNumber;

/**
 * X-3, X-2 (issue 19, imports that fail cleanly): a hostile or damaged file ends its job FAILED with a code that
 * says why, never RUNNING; a damaged row costs that row only; blank rows cost nothing.
 */
@IntegrationTest
class ImportFailuresIntegrationTests {

	static final String HEADER = PersonImportIntegrationTests.HEADER;

	@Autowired
	Imports imports;

	@Autowired
	BulkImport bulkImport;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Test
	void anXlsxWhoseSharedStringsExpandFarBeyondTheLimitFailsAsTooLargeBeforeItIsRead() throws Exception {
		// 300 MB of one shared string in a zip of well under a megabyte, the directory claiming 100 bytes
		var workbook = CraftedXlsx.of(List.of(List.of("姓名", "身份证号", "常住地区划代码"), List.of("甲", "1", "330602")));
		var bomb = CraftedXlsx.withSharedStringsOf(workbook, 300L << 20, 100);
		assertThat(bomb.length).isLessThan(2 << 20);
		var job = imports.run("shaoxing", "persons", "bomb.xlsx", bomb);
		assertThat(job).containsEntry("status", "FAILED").containsEntry("failureCode", "import.file.too-large")
				.containsEntry("totalRows", 0);
	}

	@Test
	void aJobStartedThreeTimesWithoutFinishingFailsInsteadOfRunningAgain() throws Exception {
		var job = imports.run("shaoxing", "persons", "crashes.csv", (HEADER + "柯南," + id("33060219700101501")
				+ ",330602,330602,,,,\n").getBytes(StandardCharsets.UTF_8));
		var id = UUID.fromString((String) job.get("id"));
		// as if the process had died during each of three starts
		jdbc.sql("update imports.import_job set status = 'RUNNING', finished_at = null, attempts = 3 where id = :id")
				.param("id", id).update();
		bulkImport.resumeUnfinished();
		var given = imports.awaitDone("shaoxing", id.toString());
		assertThat(given).containsEntry("status", "FAILED").containsEntry("failureCode", "import.attempts-exhausted");
		assertThat((String) given.get("failureMessage")).contains("3");
		assertThat(jdbc.sql("select attempts from imports.import_job where id = :id").param("id", id)
				.query(Integer.class).single()).as("not started a fourth time").isEqualTo(3);
	}

	@Test
	void aBadByteInOneRowOfAUtf8FileRefusesThatRowAndKeepsTheOthers() throws Exception {
		var out = new ByteArrayOutputStream();
		out.write((HEADER + "毛利兰," + id("33060219700101502") + ",330602,330602,,,,\n").getBytes(StandardCharsets.UTF_8));
		out.write("毛利".getBytes(StandardCharsets.UTF_8));
		out.write(0xFF); // never valid in UTF-8
		out.write(("," + id("33060219700101503") + ",330602,330602,,,,\n").getBytes(StandardCharsets.UTF_8));
		out.write(("工藤," + id("33060219700101504") + ",330602,330602,,,,\n").getBytes(StandardCharsets.UTF_8));
		var job = imports.run("shaoxing", "persons", "one-bad-byte.csv", out.toByteArray());
		assertThat(job).containsEntry("status", "DONE").containsEntry("totalRows", 3).containsEntry("acceptedRows", 2)
				.containsEntry("rejectedRows", 1);
		assertThat(imports.errors("shaoxing", job)).containsExactly("3|姓名|import.encoding");
		var body = mvc.perform(get("/api/v1/imports/" + job.get("id") + "/errors")
				.header("Authorization", api.bearer("shaoxing"))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("第 3 行", "UTF-8");
	}

	@Test
	void aTextFileNamedXlsxAndAnXlsxCutInHalfFailAsUnreadable() throws Exception {
		var text = imports.run("shaoxing", "persons", "people.xlsx", (HEADER + "甲," + id("33060219700101505")
				+ ",330602,330602,,,,\n").getBytes(StandardCharsets.UTF_8));
		assertThat(text).containsEntry("status", "FAILED").containsEntry("failureCode", "import.file.unreadable");
		var xlsx = CraftedXlsx.of(List.of(List.of("姓名", "身份证号", "常住地区划代码"),
				List.of("乙", id("33060219700101506"), "330602")));
		var cut = imports.run("shaoxing", "persons", "cut.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2));
		assertThat(cut).containsEntry("status", "FAILED").containsEntry("failureCode", "import.file.unreadable");
		var random = new byte[4096];
		new Random(19).nextBytes(random);
		random[0] = 'P';
		random[1] = 'K';
		random[2] = 3;
		random[3] = 4;
		var fake = imports.run("shaoxing", "persons", "random.xlsx", random);
		assertThat(fake).containsEntry("status", "FAILED").containsEntry("failureCode", "import.file.unreadable");
	}

	@Test
	void blankRowsAreNeitherRowsNorErrorsAndAFileOfOnlyBlankRowsIsEmpty() throws Exception {
		var blank = new StringBuilder(HEADER);
		for (int i = 0; i < 2_000; i++) {
			blank.append(i % 3 == 0 ? "\n" : i % 3 == 1 ? ",,,,,,,\n" : " , ,,,,,,\r\n");
		}
		var empty = imports.run("shaoxing", "persons", "blank.csv", blank.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(empty).containsEntry("status", "FAILED").containsEntry("failureCode", "import.file.empty");
		var some = new StringBuilder(blank).append("灰原," + id("33060219700101507") + ",330602,330602,,,,\n")
				.append(",,,,,,,\n");
		var job = imports.run("shaoxing", "persons", "some.csv", some.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("status", "DONE").containsEntry("totalRows", 1).containsEntry("acceptedRows", 1)
				.containsEntry("rejectedRows", 0);
		var rows = new ArrayList<List<String>>();
		rows.add(List.of("姓名", "身份证号", "常住地区划代码"));
		for (int i = 0; i < 500; i++) {
			rows.add(Arrays.asList("", null, " "));
		}
		var xlsx = imports.run("shaoxing", "persons", "blank.xlsx", CraftedXlsx.of(rows));
		assertThat(xlsx).containsEntry("status", "FAILED").containsEntry("failureCode", "import.file.empty");
	}

	@Test
	void anUploadedFileIsReadableByTheApplicationAlone(@Autowired ImportFiles files) throws Exception {
		var job = imports.run("shaoxing", "persons", "private.csv", (HEADER + "阿笠," + id("33060219700101508")
				+ ",330602,330602,,,,\n").getBytes(StandardCharsets.UTF_8));
		var path = files.path(UUID.fromString((String) job.get("id")));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
				.isEqualTo("rw-------");
	}

	@Test
	void aFinishedJobsFileIsDeletedAfterTheRetentionPeriodAndItsErrorsStay(@Autowired ImportFiles files,
			@Autowired ImportFileRetention retention) throws Exception {
		var job = imports.run("shaoxing", "persons", "kept.csv", (HEADER + "毛利," + id("33060219700101509")
				+ ",330602,330602,,,,\n" + "坏人,330602197001015090,330602,330602,,,,\n").getBytes(StandardCharsets.UTF_8));
		var id = UUID.fromString((String) job.get("id"));
		assertThat(retention.deleteExpired()).as("a job finished just now keeps its file").isZero();
		assertThat(files.kept(id)).isTrue();
		// 31 days after the job ended the upload, full ID numbers and all, is gone; the job's errors stay
		jdbc.sql("update imports.import_job set finished_at = now() - interval '31 days' where id = :id").param("id", id)
				.update();
		assertThat(retention.deleteExpired()).isPositive();
		assertThat(files.kept(id)).isFalse();
		assertThat(retention.deleteExpired()).as("once").isZero();
		mvc.perform(get("/api/v1/imports/" + id + "/errors.xlsx").header("Authorization", api.bearer("shaoxing")))
				.andExpect(MockMvcResultMatchers.status().isNotFound())
				.andExpect(MockMvcResultMatchers.jsonPath("$.code")
						.value("import.file.expired"));
		assertThat(imports.errors("shaoxing", job)).hasSize(1);
	}

	private static String id(String seventeen) {
		return IdNumber.withCheckDigit(seventeen);
	}
}
