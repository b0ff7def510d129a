package cn.gongjiang.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classes still to start that a person could join (TRN-2): the next one for an occupation and grade, for pointing a
 * job seeker one grade short at the training that closes the gap (REC-2).
 */
@Service
public class OpenClasses {

	/** A class open for enrolment: its provider and when it begins. */
	public record Upcoming(long classId, String providerName, Instant startsAt) {
	}

	private final JdbcClient jdbc;

	OpenClasses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The open class for {@code occupation} at {@code grade} (a grade code) beginning soonest from now, if any. */
	@Transactional(readOnly = true)
	public Optional<Upcoming> next(String occupation, String grade, Instant now) {
		return jdbc.sql("""
				select c.id, c.provider_name, min(s.starts_at) as starts
				from training.training_class c join training.class_session s on s.class_id = c.id
				where c.status = 'OPEN' and c.occupation_code = :occupation and c.grade = :grade
				group by c.id, c.provider_name
				having min(s.starts_at) > :now
				order by starts limit 1
				""").param("occupation", occupation).param("grade", grade).param("now", Timestamp.from(now))
				.query((rs, i) -> new Upcoming(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
				.optional();
	}
}
