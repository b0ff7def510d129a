package cn.gongjiang.bench;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The one look-up the bench's baseline endpoint makes: a certificate by its unique number. */
@Component
public class BareLookup {

	private final JdbcClient jdbc;

	BareLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean certificateExists(String number) {
		return jdbc.sql("select id from certification.certificate where number = :n").param("n", number)
				.query(Long.class).optional().isPresent();
	}
}
