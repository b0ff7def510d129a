package cn.gongjiang.subsidy.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.gongjiang.shared.Money;
import cn.gongjiang.subsidy.payments.PaymentStatus;

/**
 * A subsidy decision as officers and the beneficiary see it: what the rules said (outcome, code, amount, every step
 * with its clause, the pack versions) and what is in effect (an officer's override while it holds), and where its
 * payment stands.
 */
public record Decision(long id, String scheme, String certificateNumber, String beneficiary, String occupationCode,
		String grade, int year, String period, String payingRegion, String fundingSource, Outcome outcome, String code,
		Money amount, String policyVersions, List<Step> steps, Instant decidedAt, Override override,
		Outcome effectiveOutcome, Money effectiveAmount, PaymentStatus payment, String paymentFailure, boolean recoveryDue,
		Long claimId, LocalDate issuedOn, Payee payee) {

	/**
	 * Who the money goes to: a person to their own social security card, an organisation to the account it gave
	 * ({@code accountMasked}); {@code name} the person's masked name or the organisation's.
	 */
	public record Payee(String kind, String name, String accountMasked) {

		public boolean person() {
			return "PERSON".equals(kind);
		}
	}

	private static final Pattern VERSION = Pattern.compile("(\\d{6}) v(\\d+)");

	/** An officer's override in effect: always with a reason and an expiry. */
	public record Override(long id, String reason, LocalDate expiresOn, String by) {
	}

	/** One pack version a decision was made under: the scope's region and the version number. */
	public record PackVersion(String region, int version) {
	}

	/** A grant held for an officer's check of its training (SUB-3): shown as such, not as waiting for funds. */
	public boolean heldForCheck() {
		return outcome == Outcome.WAITING && CertificateDecider.HELD_FOR_SIGNAL.equals(code);
	}

	/** The outcome to show in effect: {@code HELD} for a grant held for a check, else the outcome in effect. */
	public String shownOutcome() {
		return heldForCheck() && effectiveOutcome == Outcome.WAITING ? "HELD" : effectiveOutcome.name();
	}

	/** The versions of {@code policyVersions} ({@code 330000 v1+330600 v2}); empty when it names none. */
	public List<PackVersion> packVersions() {
		return versionsOf(policyVersions);
	}

	/** The versions a label of pack versions names: {@code 330000 v1+330600 v2}, or a claim's {@code 330600 v2}. */
	public static List<PackVersion> versionsOf(String label) {
		var versions = new ArrayList<PackVersion>();
		if (label != null) {
			var matcher = VERSION.matcher(label);
			while (matcher.find()) {
				versions.add(new PackVersion(matcher.group(1), Integer.parseInt(matcher.group(2))));
			}
		}
		return versions;
	}

	/** The step that decided: the first that did not pass, else the amount. */
	public Step decidingStep() {
		return Step.deciding(steps);
	}

	/** Whether an officer may still override it: not reversed, and not on its way to the bank or paid. */
	public boolean overridable() {
		return outcome != Outcome.REVERSED && payment.open();
	}
}
