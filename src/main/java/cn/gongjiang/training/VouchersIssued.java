package cn.gongjiang.training;

import java.time.LocalDate;
import java.util.List;

import cn.gongjiang.shared.PersonId;

/**
 * Training vouchers for a catalogue entry were issued (TRN, REG-4): to one person, or to everyone of a group who had
 * none (one event for the whole group). The lifelong archive records one line per person.
 */
public record VouchersIssued(List<PersonId> personIds, LocalDate on, String occupationCode, String grade,
		LocalDate validUntil) {
}
