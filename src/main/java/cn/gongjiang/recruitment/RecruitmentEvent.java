package cn.gongjiang.recruitment;

import java.time.LocalDate;
import java.util.List;

/**
 * A recruitment event (REC-1): on site (现场招聘, at a school in or outside the province, or a venue) or online (云聘会,
 * 直播带岗), organised by a bureau or a school, with the postings taking part and its participants.
 */
public record RecruitmentEvent(long id, String title, Format format, String venueKind, String place,
		String streamUrl, String organiserKind, String organiserCode, String organiserName, LocalDate heldOn,
		Status status, int jobs, int enterprises, int schools, int seekers, int applications, int hires, int version) {

	public enum Format { ONSITE, CLOUD_FAIR, LIVE_STREAM;

		public boolean online() {
			return this != ONSITE;
		}
	}

	public enum Status { PLANNED, HELD, CANCELLED }

	/** What an organiser plans. */
	public record Plan(String title, Format format, String venueKind, String place, String streamUrl,
			LocalDate heldOn) {
	}

	/** Someone taking part: an enterprise, a school, or a job seeker (by person id). */
	public record Participant(String kind, String participant, String name) {
	}

	/** The event with its postings and participants, for its own page. */
	public record Details(RecruitmentEvent event, List<JobPosting> postings, List<Participant> participants) {
	}
}
