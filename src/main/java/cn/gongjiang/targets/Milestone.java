package cn.gongjiang.targets;

import java.time.LocalDate;
import java.util.List;

/** A dated aim of a task line (TGT-5) as the responsible departments and the province track it. */
public record Milestone(long id, int taskLineId, String keyWork, String measure, List<String> departments,
		LocalDate dueOn, String description, String status, String evidence, LocalDate completedOn, String updatedBy) {

	/** DONE, OVERDUE (past its date and open), DUE (due this year) or UPCOMING. */
	public String state(LocalDate today) {
		if (status.equals("DONE")) {
			return "DONE";
		}
		if (today.isAfter(dueOn)) {
			return "OVERDUE";
		}
		return today.getYear() == dueOn.getYear() ? "DUE" : "UPCOMING";
	}
}
