package cn.gongjiang.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * The province's middle-income band (中等收入群体, 扩中提低, ANA-2) as versioned data: a monthly wage range and the
 * document it comes from, set by a province officer; a new version never edits an old one, so every past figure
 * can say which band it was computed against.
 */
@Service
public class IncomeBands {

	/** One version of the band, in yuan a month. */
	public record Band(int version, LocalDate validFrom, int lowerYuan, int upperYuan, String source, String setBy) {
	}

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	IncomeBands(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The band in force today. */
	@Transactional(readOnly = true)
	public Optional<Band> current() {
		return jdbc.sql("select * from analytics.income_band where valid_from <= :today order by version desc limit 1")
				.param("today", LocalDate.now(clock)).query((rs, i) -> band(rs)).optional();
	}

	@Transactional(readOnly = true)
	public List<Band> history() {
		return jdbc.sql("select * from analytics.income_band order by version desc").query((rs, i) -> band(rs)).list();
	}

	/** A new version, from a province officer, with its source; it takes effect on {@code validFrom}. */
	@Transactional
	public Band set(Actor actor, int lowerYuan, int upperYuan, LocalDate validFrom, String source) {
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			throw actor.refuse("analytics.band.set", "income-band", null);
		}
		if (lowerYuan <= 0 || upperYuan <= lowerYuan) {
			throw new InvalidValueException("analytics.band.range");
		}
		if (source == null || source.isBlank()) {
			throw new InvalidValueException("analytics.band.source-required");
		}
		if (validFrom == null) {
			throw new InvalidValueException("analytics.band.valid-from-required");
		}
		var version = jdbc.sql("""
				insert into analytics.income_band (version, valid_from, lower_yuan, upper_yuan, source, set_by)
				select coalesce(max(version), 0) + 1, :from, :lower, :upper, :source, :by from analytics.income_band
				returning version
				""").param("from", validFrom).param("lower", lowerYuan).param("upper", upperYuan)
				.param("source", source.strip()).param("by", actor.username()).query(Integer.class).single();
		audit.record(actor, "analytics.band.set", "income-band:" + version, AuditOutcome.SUCCESS,
				lowerYuan + "-" + upperYuan);
		return history().stream().filter(b -> b.version() == version).findFirst().orElseThrow();
	}

	private static Band band(ResultSet rs) throws SQLException {
		return new Band(rs.getInt("version"), rs.getObject("valid_from", LocalDate.class), rs.getInt("lower_yuan"),
				rs.getInt("upper_yuan"), rs.getString("source"), rs.getString("set_by"));
	}
}
