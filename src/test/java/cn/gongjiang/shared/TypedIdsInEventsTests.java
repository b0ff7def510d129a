package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.certification.CertificatesIssued;
import cn.gongjiang.training.TrainingCompleted;
import cn.gongjiang.training.TrainingStepRecorded;
import cn.gongjiang.training.TrainingStepsRecorded;
import cn.gongjiang.training.TrainingsCompleted;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: a person's id and the keyed ID-number index travel as types, and an event written to the publication
 * registry before they did still reads: the JSON is the same number and the same hex text as it was.
 */
class TypedIdsInEventsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anEventStoredBeforeTheTypesReadsAsTheTypes() {
		var stored = """
				{"certificateId": 7, "number": "C-1", "holderIndex": "0aff10", "type": "skill-level",
				 "occupationCode": "6-18-01-01", "grade": "senior", "issuedOn": "2026-06-01", "issuer": "机构",
				 "trainingEnrolmentId": null}""";
		var issued = JSON.readValue(stored, CertificateIssued.class);
		assertThat(issued.holderIndex()).isEqualTo(IdNumberIndex.of(new byte[] { 0x0a, (byte) 0xff, 0x10 }));

		var step = JSON.readValue("""
				{"personId": 42, "on": "2026-06-01", "step": "ENROLLED", "classId": 3, "providerName": "机构",
				 "occupationCode": "6-18-01-01", "grade": null, "detail": null}""", TrainingStepRecorded.class);
		assertThat(step.personId()).isEqualTo(PersonId.of(42));
	}

	/** Issue 18: a class's steps and completions travel as one event each, and read back whole from the registry. */
	@Test
	void aClassesStepsAndCompletionsReadBackFromTheirStoredJson() {
		var steps = new TrainingStepsRecorded(LocalDate.of(2026, 6, 1), 3, "机构", "6-18-01-01", null, List.of(
				new TrainingStepsRecorded.Trainee(PersonId.of(42), "COMPLETED", "4/4"),
				new TrainingStepsRecorded.Trainee(PersonId.of(43), "NOT_COMPLETED", "1/4")));
		assertThat(JSON.readValue(JSON.writeValueAsString(steps), TrainingStepsRecorded.class)).isEqualTo(steps);
		var completed = new TrainingsCompleted(List.of(new TrainingCompleted(9, 3, null, IdNumberIndex.fromHex("0aff10"),
				"/330000/330600/330602/", "6-18-01-01", null, LocalDate.of(2026, 6, 1), "ON_JOB", null)));
		assertThat(JSON.readValue(JSON.writeValueAsString(completed), TrainingsCompleted.class)).isEqualTo(completed);
		var issued = new CertificatesIssued(List.of(new CertificateIssued(7, "C-1", IdNumberIndex.fromHex("0aff10"),
				"skill-level", "6-18-01-01", "senior", LocalDate.of(2026, 6, 1), "机构", null)));
		assertThat(JSON.readValue(JSON.writeValueAsString(issued), CertificatesIssued.class)).isEqualTo(issued);
	}

	@Test
	void theTypesWriteTheSameJsonAsTheValuesTheyReplaced() {
		var issued = new CertificateIssued(7, "C-1", IdNumberIndex.fromHex("0aff10"), "skill-level", "6-18-01-01",
				"senior", LocalDate.of(2026, 6, 1), "机构", null);
		assertThat(JSON.writeValueAsString(issued)).contains("\"holderIndex\":\"0aff10\"");
		assertThat(JSON.writeValueAsString(PersonId.of(42))).isEqualTo("42");
		assertThat(PersonId.of(42)).hasToString("42");
		assertThat(PersonId.ofNullable(null)).isNull();
		assertThat(IdNumberIndex.ofNullable(null)).isNull();
	}
}
