package cn.gongjiang.registry;

import java.time.LocalDate;

/**
 * One line of a person's lifelong archive (终身职业技能培训电子档案): when, what kind (REGISTERED, EMPLOYER,
 * RESIDENCE, CERTIFICATE, GRADE; enrolments, attendance, vouchers and subsidies as their modules arrive), a title
 * and the detail.
 */
public record ArchiveEntry(LocalDate on, String kind, String title, String detail) {
}
