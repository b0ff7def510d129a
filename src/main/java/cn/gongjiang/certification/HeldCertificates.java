package cn.gongjiang.certification;

import java.time.LocalDate;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every certificate as a fact for set-based analysis (ANA-1, ANA-3): holder (keyed index), type, occupation, grade,
 * the day it was issued and the day it was revoked, if it was. Streamed, so millions never sit in memory.
 */
@Service
public class HeldCertificates {

	/** One certificate; {@code revokedOn} is null while it is in force. */
	public record Fact(byte[] holderIndex, String type, String occupationCode, String grade, LocalDate issuedOn,
			LocalDate revokedOn) {
	}

	private final JdbcTemplate jdbc;

	HeldCertificates(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(10_000);
	}

	/** Hands every certificate to {@code each}; returns how many. */
	@Transactional(readOnly = true)
	public long forEach(Consumer<Fact> each) {
		var count = new long[1];
		jdbc.query("""
				select holder_index, type, occupation_code, grade, issued_on,
				       case when status = 'REVOKED' then coalesce(revoked_on, issued_on) end
				from certification.certificate
				""", rs -> {
			each.accept(new Fact(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)));
			count[0]++;
		});
		return count[0];
	}
}
