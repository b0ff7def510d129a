package cn.gongjiang.shared.security;

import java.io.Serializable;

/**
 * The signed-in account a request acts for: the principal of every authentication, passed explicitly to the
 * application services that check data scope. {@code mayUnmask}: may see full ID and mobile numbers (audited).
 */
public record Actor(long accountId, String username, String displayName, Role role, DataScope scope,
		boolean mayUnmask) implements Serializable {

	public boolean is(Role other) {
		return role == other;
	}

	/**
	 * An officer of a region, not a department's or a party: the one test behind every "officers of a region only"
	 * rule. Where the record's place matters, use {@link #officerCovering}.
	 */
	public boolean regionalOfficer() {
		return role.officer() && scope.regional();
	}

	/** Refuses a read unless {@link #regionalOfficer()}; audited as {@code access.denied} with the request. */
	public void requireRegionalOfficer() {
		if (!regionalOfficer()) {
			throw new Refusal(this, null, null, null);
		}
	}

	/** Refuses {@code action} on {@code target} unless {@link #regionalOfficer()}; the refusal is audited once. */
	public void requireRegionalOfficer(String action, String target) {
		if (!regionalOfficer()) {
			throw refuse(action, target, null);
		}
	}

	/** Refuses {@code action} on {@code target} unless {@link #officerCovering} one of {@code paths}. */
	public void requireOfficerCovering(String action, String target, String... paths) {
		if (!officerCovering(paths)) {
			throw refuse(action, target, "out of scope");
		}
	}

	/**
	 * This actor may not do {@code action} on {@code target}: the refusal to throw, already in the audit log (once,
	 * whatever catches it later). {@code detail}: what the audit line says beside it, or null.
	 */
	public Refusal refuse(String action, String target, String detail) {
		return Refusals.recorded(new Refusal(this, action, target, detail));
	}

	/**
	 * An officer of a region acting on something placed at one of {@code paths} inside that region: the one
	 * test for "an officer acting in scope". A record the platform cannot place in a region is the province's; a
	 * department officer or a party answers false.
	 */
	public boolean officerCovering(String... paths) {
		if (!regionalOfficer()) {
			return false;
		}
		for (var path : paths) {
			if (path == null ? scope.provinceWide() : scope.covers(path)) {
				return true;
			}
		}
		return false;
	}
}
