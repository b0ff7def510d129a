package cn.gongjiang.training;

import java.time.LocalDate;

import cn.gongjiang.shared.PersonId;

/** A trainee's voucher paid for an enrolment at a provider (REG-4): the archive shows it beside the enrolment. */
public record VoucherRedeemed(PersonId personId, LocalDate on, String occupationCode, String grade, String providerName) {
}
