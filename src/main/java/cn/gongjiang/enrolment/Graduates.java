package cn.gongjiang.enrolment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.IdNumberIndex;

/**
 * Whether a person is a technical-school graduate by the enrolment records (学籍): graduated, or registered and
 * hired out of their studies. Recruitment counts such hires for 引进职业院校毕业生 (REC-3).
 */
@Service
public class Graduates {

	private final JdbcClient jdbc;

	Graduates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public boolean onRecord(IdNumberIndex personIndex) {
		return jdbc.sql("""
				select exists (select 1 from enrolment.registration
				               where person_index = :index and status in ('GRADUATED', 'REGISTERED'))
				""").param("index", personIndex).query(Boolean.class).single();
	}
}
