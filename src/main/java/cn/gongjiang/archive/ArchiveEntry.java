package cn.gongjiang.archive;

import java.time.LocalDate;

/**
 * One line of a person's lifelong archive (终身职业技能培训电子档案) as a reader sees it: when, what kind
 * (REGISTERED, EMPLOYER, RESIDENCE, CERTIFICATE, GRADE, TRAINING, ENROLMENT, SUBSIDY), a short title and one
 * sentence in the reader's language.
 */
public record ArchiveEntry(LocalDate on, String kind, String title, String detail) {
}
