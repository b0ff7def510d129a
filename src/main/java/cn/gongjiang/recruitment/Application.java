package cn.gongjiang.recruitment;

import java.time.Instant;

/**
 * A person's application to a job (REC-1), from applying (by the person, or at an event by its organiser) or an
 * enterprise's invitation, through interview and offer to the hire. Names and masked numbers only: an enterprise
 * sees a candidate's full details once the person applied or accepted its invitation.
 */
public record Application(long id, long jobId, String jobTitle, String enterpriseName, long personId,
		String personName, String idNumberMasked, Long eventId, Origin origin, Status status, Instant updatedAt,
		int version) {

	public enum Origin { APPLIED, INVITED, AT_EVENT }

	public enum Status { APPLIED, INVITED, INTERVIEWED, OFFERED, HIRED, DECLINED, WITHDRAWN, REJECTED;

		/** The steps an enterprise takes: interview, offer, reject (a hire is recorded as a placement). */
		boolean enterpriseMayMoveTo(Status next) {
			return switch (next) {
				case INTERVIEWED -> this == APPLIED;
				case OFFERED -> this == APPLIED || this == INTERVIEWED;
				case REJECTED -> this == APPLIED || this == INTERVIEWED || this == OFFERED;
				default -> false;
			};
		}

		/** What the person does: accept an invitation (applies), decline it or an offer, withdraw. */
		boolean personMayMoveTo(Status next) {
			return switch (next) {
				case APPLIED -> this == INVITED;
				case DECLINED -> this == INVITED || this == OFFERED;
				case WITHDRAWN -> this == APPLIED || this == INTERVIEWED;
				default -> false;
			};
		}

		public boolean settled() {
			return this == HIRED || this == DECLINED || this == WITHDRAWN || this == REJECTED;
		}
	}
}
