package cn.gongjiang.recruitment;

import java.time.LocalDate;

import cn.gongjiang.shared.PersonId;

/**
 * A person applied for a job, was invited to it, or applied at an event ({@code origin}) (REC-2): the lifelong archive
 * records it (REG-4), as it records the placement that may follow.
 */
public record ApplicationMade(PersonId personId, LocalDate on, String enterpriseCode, String jobTitle,
		String occupationCode, String origin) {
}
