package cn.gongjiang.training;

import java.time.LocalDate;

/** A trainee's voucher paid for an enrolment at a provider (REG-4): the archive shows it beside the enrolment. */
public record VoucherRedeemed(long personId, LocalDate on, String occupationCode, String grade, String providerName) {
}
