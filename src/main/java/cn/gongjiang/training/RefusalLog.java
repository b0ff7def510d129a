package cn.gongjiang.training;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Refused enrolment attempts, kept in their own transaction so the refusal's rollback does not erase them (SUP-3). */
@Component
class RefusalLog {

	private final JdbcClient jdbc;

	RefusalLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(long classId, String code, String personMasked) {
		jdbc.sql("insert into training.refusal (class_id, code, person_masked) values (:c, :code, :person)")
				.param("c", classId).param("code", code).param("person", personMasked).update();
	}
}
