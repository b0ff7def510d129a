package cn.gongjiang.training;

import java.util.List;

/**
 * The trainees of one class who completed it, as one event when the class is completed (targets count each as
 * {@link TrainingCompleted} would): one event publication per class instead of one per trainee.
 */
public record TrainingsCompleted(List<TrainingCompleted> completions) {

	public TrainingsCompleted {
		completions = List.copyOf(completions);
	}
}
