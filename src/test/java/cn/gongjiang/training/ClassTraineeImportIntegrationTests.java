package cn.gongjiang.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.gongjiang.Api;
import cn.gongjiang.Console;
import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.IdNumber;

/**
 * X-3, TRN-3: a provider enrols the trainees of its own open classes by file (kind class-trainees). Every rule of one
 * enrolment by form holds per row and is named with its row, column and code; the good rows are enrolled (persons
 * matched or created, vouchers redeemed, audited); the same file again changes nothing.
 */
@IntegrationTest
class ClassTraineeImportIntegrationTests {

	static final String HEADER = "班级编号,姓名,身份证号,培训券编号";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	Console console;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	Clock clock;

	@Autowired
	ClassEnrolments enrolments;

	@Test
	void aProviderEnrolsItsClassByFileUnderEveryRuleOfTheFormAndAReplayChangesNothing() throws Exception {
		var first = Instant.now(clock).plus(300, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		var full = openClass("provider-demo", first, 3);
		var overlapping = openClass("provider-demo", first.plus(1, ChronoUnit.HOURS), 5);
		// a class of another provider's, as its own enrolment would leave it
		var others = jdbc.sql("""
				insert into training.training_class (provider_code, provider_name, provider_path, occupation_code, grade,
				    kind, capacity, code_secret)
				select '91330602MA2X00000X', '另一家培训学校', provider_path, occupation_code, grade, kind, capacity, code_secret
				from training.training_class where id = :id returning id""").param("id", full).query(Long.class).single();
		var finished = openClass("provider-demo", first.plus(40, ChronoUnit.DAYS), 5);
		// a class whose course is over: set directly, as finishing one by the API needs its last session behind it
		jdbc.sql("update training.training_class set status = 'FINISHED' where id = :id").param("id", finished).update();

		var holder = IdNumber.withCheckDigit("33060219910101613");
		send(post("/api/v1/persons"), "shaoxing",
				"{\"idNumber\": \"%s\", \"name\": \"券持有人\", \"residenceRegion\": \"330602\"}".formatted(holder))
				.andExpect(status().isOk());
		var entry = jdbc.sql("""
				select id from training.catalogue_entry where occupation_code = '6-18-01-01' and grade = 'intermediate'
				  and valid_from <= current_date and (valid_until is null or valid_until >= current_date)
				order by id limit 1""").query(Long.class).single();
		var voucher = id(send(post("/api/v1/training/vouchers"), "shaoxing",
				"{\"idNumber\": \"%s\", \"name\": \"券持有人\", \"catalogueEntryId\": %d, \"validUntil\": \"%s\"}"
						.formatted(holder, entry, LocalDate.now(clock).plusMonths(6))).andExpect(status().isCreated()));
		var second = IdNumber.withCheckDigit("33060219910202614");
		var third = IdNumber.withCheckDigit("33060219910303615");
		var fourth = IdNumber.withCheckDigit("33060219910404616");
		var fifth = IdNumber.withCheckDigit("33060219910505617");
		var sixth = IdNumber.withCheckDigit("33060219910606618");
		var seventh = IdNumber.withCheckDigit("33060219910707619");
		var wrongDigit = second.substring(0, 17) + (second.charAt(17) == '0' ? '1' : '0');
		var file = String.join("\n", HEADER,
				full + ",券持有人," + holder + "," + voucher,
				full + ",新学员乙," + second + ",",
				full + ",新学员丙," + third + ",",
				full + ",新学员丁," + fourth + ",",
				overlapping + ",新学员乙," + second + ",",
				others + ",新学员戊," + fifth + ",",
				finished + ",新学员戊," + fifth + ",",
				full + ",新学员己," + wrongDigit + ",",
				full + ",别的名字," + holder + ",",
				full + ",新学员乙," + second + ",",
				overlapping + ",新学员庚," + sixth + "," + voucher,
				"第一班,新学员庚," + sixth + ",",
				overlapping + ",新学员辛," + seventh + ",",
				overlapping + ",," + sixth + ",") + "\n";
		var bytes = file.getBytes(StandardCharsets.UTF_8);

		var job = imports.run("provider-demo", "class-trainees", "实名报名.csv", bytes);
		assertThat(job).containsEntry("status", "DONE").containsEntry("acceptedRows", 4).containsEntry("rejectedRows", 10);
		assertThat(imports.errors("provider-demo", job)).containsExactlyInAnyOrder(
				"5|班级编号|import.training.class-full",
				"6|身份证号|import.training.overlapping-enrolment",
				"7|班级编号|import.training.class.not-found",
				"8|班级编号|import.training.class.finished",
				"9|身份证号|import.id-number.check-digit",
				"10|姓名|import.training.name-mismatch",
				"11|身份证号|import.duplicate-in-file",
				"12|培训券编号|import.training.voucher.unknown",
				"13|班级编号|import.value.format",
				"15|姓名|import.required");

		// the job page reads every refusal in words
		assertThat(mvc.perform(get("/imports/" + job.get("id")).session(console.session("provider-demo")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.contains("班级已满（容量 3 人）").contains("上课时间重叠的另一个班级（班级 " + full + "）")
				.contains("未找到该学员的培训券 " + voucher).contains("与第 3 行重复").doesNotContain("import.training").doesNotContain("import.targets");

		// the good rows are enrolled as by the form: persons matched or created, the voucher redeemed, each audited
		assertThat(enrolled(full)).containsExactlyInAnyOrder("券持有人", "新学员乙", "新学员丙");
		assertThat(enrolled(overlapping)).containsExactly("新学员辛");
		assertThat(jdbc.sql("select name from registry.person where id_number_index = :i")
				.param("i", cipher.index(second)).query(String.class).single()).isEqualTo("新学员乙");
		assertThat(jdbc.sql("""
				select v.status from training.voucher v join training.enrolment e on e.id = v.enrolment_id
				where v.id = :v and e.class_id = :c""").param("v", voucher).param("c", full).query(String.class).single())
				.isEqualTo("REDEEMED");
		assertThat(jdbc.sql("""
				select count(*) from audit.audit_event a join training.enrolment e on a.target = 'enrolment:' || e.id
				where a.action = 'training.enrol' and e.class_id = any(:c)""")
				.param("c", new Long[] { full, overlapping }).query(Long.class).single()).isEqualTo(4);
		// REG-4: each trainee enrolled by the file has the step in their archive, one line each
		cn.gongjiang.archive.ArchiveCaughtUp.await(jdbc);
		assertThat(jdbc.sql("""
				select p.name from archive.line l join registry.person p on p.id = l.person_id
				where l.kind = 'TRAINING' and l.detail->>'step' = 'ENROLLED' and (l.detail->>'class')::bigint = any(:c)
				""").param("c", new Long[] { full, overlapping }).query(String.class).list())
				.containsExactlyInAnyOrder("券持有人", "新学员乙", "新学员丙", "新学员辛");
		// a refusal for a full class or an overlap is logged as the form logs it (SUP-3)
		assertThat(jdbc.sql("select count(*) from training.refusal where class_id = :c and code = 'training.class-full'")
				.param("c", full).query(Long.class).single()).isEqualTo(1);

		// the same file again: everyone enrolled stays as they are, the same rows are refused
		var again = imports.run("provider-demo", "class-trainees", "实名报名-再次.csv", bytes);
		assertThat(again).containsEntry("acceptedRows", 0).containsEntry("unchangedRows", 4).containsEntry("rejectedRows", 10);
		assertThat(enrolled(full)).hasSize(3);
		assertThat(enrolled(overlapping)).hasSize(1);
	}

	/**
	 * TRN-3, X-3 (issue 18): the file's rows are enrolled together, but under the form's lock and rules; a row whose
	 * class filled (or whose trainee took an overlapping class) after the file was checked is handed back to the form,
	 * and a trainee already in the class is left as they are.
	 */
	@Test
	void rowsEnrolledTogetherStillMeetTheFormsRulesWhenTheClassFilledSinceTheCheck() throws Exception {
		var first = Instant.now(clock).plus(500, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		var small = openClass("provider-demo", first, 2);
		var later = openClass("provider-demo", first.plus(3, ChronoUnit.DAYS), 5);
		var clashing = openClass("provider-demo", first.plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), 5);
		var provider = TrainingRefusalsIntegrationTests.PROVIDER;
		var inClass = IdNumber.withCheckDigit("33060219920101711");
		var a = IdNumber.withCheckDigit("33060219920202712");
		var b = IdNumber.withCheckDigit("33060219920303713");
		var c = IdNumber.withCheckDigit("33060219920404714");
		// enrolled by the form after the file's check
		enrolments.enrol(provider, small, new ClassEnrolment.Request(inClass, "已在班学员", null));
		enrolments.enrol(provider, clashing, new ClassEnrolment.Request(c, "重叠学员", null));

		var left = enrolments.enrolChecked(provider, List.of(checked(small, inClass, "已在班学员"),
				checked(small, a, "批量学员甲"), checked(small, b, "批量学员乙"), checked(later, c, "重叠学员")),
				new ClassEnrolments.Counter());

		assertThat(left).extracting(r -> r.classId() + " " + r.name())
				.containsExactly(small + " 批量学员乙", later + " 重叠学员");
		assertThat(enrolled(small)).containsExactlyInAnyOrder("已在班学员", "批量学员甲");
		assertThat(enrolled(later)).isEmpty();
		assertThat(jdbc.sql("select name from registry.person where id_number_index = :i")
				.param("i", cipher.index(a)).query(String.class).single()).as("created by real name").isEqualTo("批量学员甲");
	}

	private ClassEnrolments.Checked checked(long classId, String idNumber, String name) {
		var id = IdNumber.parse(idNumber);
		return new ClassEnrolments.Checked(classId, cipher.index(id), cipher.seal(id.value()), id.masked(), name);
	}

	@Test
	void onlyProvidersAndSchoolsEnrolByFile() throws Exception {
		var file = new MockMultipartFile("file", "名单.csv", "text/csv", (HEADER + "\n1,某人,"
				+ IdNumber.withCheckDigit("33060219920101611") + ",\n").getBytes(StandardCharsets.UTF_8));
		for (var outsider : List.of("enterprise-demo", "shaoxing", "worker-demo")) {
			mvc.perform(multipart("/api/v1/imports").file(file).param("kind", "class-trainees")
					.header("Authorization", api.bearer(outsider))).andExpect(status().isForbidden());
		}
	}

	@Test
	void theTemplatesComeBackFilledAsXlsxAndAsGbkCsv() throws Exception {
		var classId = openClass("provider-demo", Instant.now(clock).plus(360, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), 5);
		var xlsxTemplate = download("/api/v1/imports/templates/class-trainees.xlsx");
		List<String> headers;
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsxTemplate));
				var rows = workbook.getFirstSheet().openStream()) {
			var header = rows.findFirst().orElseThrow();
			headers = new ArrayList<>();
			for (int c = 0; c < header.getCellCount(); c++) {
				headers.add(header.getCellText(c));
			}
		}
		assertThat(headers).containsExactly("班级编号*", "姓名*", "身份证号*", "培训券编号");
		var filled = new ByteArrayOutputStream();
		var workbook = new Workbook(filled, "test", "1.0");
		var sheet = workbook.newWorksheet("名单");
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(0, c, headers.get(c));
		}
		sheet.value(1, 0, classId);
		sheet.value(1, 1, "表格学员");
		sheet.value(1, 2, IdNumber.withCheckDigit("33060219920202612"));
		workbook.finish();
		assertThat(imports.run("provider-demo", "class-trainees", "名单.xlsx", filled.toByteArray()))
				.containsEntry("status", "DONE").containsEntry("acceptedRows", 1);

		// the GBK template as Excel on Chinese Windows saves it, a row added under its header (an alias for 身份证号)
		var gbk = Charset.forName("GBK");
		var csvTemplate = new String(download("/api/v1/imports/templates/class-trainees.csv?charset=GBK"), gbk)
				.replace("身份证号*", "身份证号码");
		var csv = (csvTemplate.strip() + "\r\n" + classId + ",文本学员," + IdNumber.withCheckDigit("33060219920303613")
				+ ",\r\n").getBytes(gbk);
		assertThat(imports.run("provider-demo", "class-trainees", "名单.csv", csv)).containsEntry("status", "DONE")
				.containsEntry("acceptedRows", 1).containsEntry("rejectedRows", 0);
		assertThat(enrolled(classId)).containsExactlyInAnyOrder("表格学员", "文本学员");
	}

	private List<String> enrolled(long classId) {
		return jdbc.sql("select name from training.enrolment where class_id = :c").param("c", classId)
				.query(String.class).list();
	}

	private long openClass(String provider, Instant first, int capacity) throws Exception {
		var sessions = new ArrayList<String>();
		for (int i = 0; i < 2; i++) {
			var start = first.plus(i, ChronoUnit.DAYS);
			sessions.add("{\"startsAt\": \"%s\", \"endsAt\": \"%s\", \"place\": \"柯桥区实训基地\"}".formatted(start,
					start.plus(2, ChronoUnit.HOURS)));
		}
		return id(send(post("/api/v1/training/classes"), provider, """
				{"occupationCode": "6-18-01-01", "grade": "intermediate", "kind": "OFF_JOB", "capacity": %d,
				 "sessions": [%s]}""".formatted(capacity, String.join(",", sessions))).andExpect(status().isCreated()));
	}

	private byte[] download(String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", api.bearer("provider-demo"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
	}

	private ResultActions send(MockHttpServletRequestBuilder request,
			String user, String body) throws Exception {
		return mvc.perform(request.header("Authorization", api.bearer(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	private static long id(ResultActions result) throws Exception {
		return Long.parseLong(result.andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}
}
