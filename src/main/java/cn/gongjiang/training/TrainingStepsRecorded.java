package cn.gongjiang.training;

import java.time.LocalDate;
import java.util.List;

import cn.gongjiang.shared.PersonId;

/**
 * The steps of many trainees of one class on one day (REG-4), as one event: a provider's enrolment file, a class
 * completed. The archive stores them with one {@code COPY}, where {@link TrainingStepRecorded} would cost an event
 * publication and a transaction per trainee (a province's 5 M trainees a year).
 */
public record TrainingStepsRecorded(LocalDate on, long classId, String providerName, String occupationCode, String grade,
		List<Trainee> trainees) {

	/** One trainee's step: ENROLLED, COMPLETED or NOT_COMPLETED, and what it adds (attendance), or null. */
	public record Trainee(PersonId personId, String step, String detail) {
	}

	public TrainingStepsRecorded {
		trainees = List.copyOf(trainees);
	}
}
