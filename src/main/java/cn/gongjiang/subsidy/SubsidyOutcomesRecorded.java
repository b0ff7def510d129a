package cn.gongjiang.subsidy;

import java.time.LocalDate;
import java.util.List;

import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.PersonId;

/**
 * What became of persons' subsidies (SUB-3): decided, released from waiting, reversed, paid. One event for many (a
 * chunk of the bulk decision carries one outcome per certificate), published in the transaction that made them; the
 * lifelong archive records each (REG-4) as codes it renders in the reader's language.
 */
public record SubsidyOutcomesRecorded(List<Outcome> outcomes) {

	/**
	 * One person's outcome: {@code outcome} GRANTED, DENIED, WAITING, REVERSED or PAID; the amount in yuan (null when
	 * none); the scheme's code; the reason as a message key with its arguments.
	 */
	public record Outcome(PersonId personId, LocalDate on, String certificate, String scheme, String outcome,
			Money amount, String reason, List<Object> reasonArguments) {
	}
}
