package cn.gongjiang.training;

import java.time.LocalDate;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demand and delivered training as facts for set-based analysis (ANA-2, ANA-3): each labour-demand item with its
 * offered wage, each enrolment with where it was held and how it ended. No person is named.
 */
@Service
public class TrainingRecords {

	/** A demand item (DEM-1): where the work is, what, how many, the wage offered (null when not stated). */
	public record Demand(long id, String placePath, String occupationCode, String grade, int headcount,
			int trainHeadcount, Integer monthlyWage, LocalDate recordedOn, boolean open) {
	}

	/** An enrolment (TRN-3): the county of the order (else the provider's), the occupation, the status, the last day. */
	public record Trained(String countyPath, String occupationCode, String status, LocalDate lastDay) {
	}

	private final JdbcTemplate jdbc;

	TrainingRecords(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(10_000);
	}

	@Transactional(readOnly = true)
	public long forEachDemand(Consumer<Demand> each) {
		var count = new long[1];
		jdbc.query("""
				select id, place_path, occupation_code, grade, headcount, train_headcount, monthly_wage,
				       (recorded_at at time zone 'Asia/Shanghai')::date, status = 'OPEN'
				from training.demand_item
				""", rs -> {
			each.accept(new Demand(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					rs.getInt(6), (Integer) rs.getObject(7), rs.getObject(8, LocalDate.class), rs.getBoolean(9)));
			count[0]++;
		});
		return count[0];
	}

	@Transactional(readOnly = true)
	public long forEachEnrolment(Consumer<Trained> each) {
		var count = new long[1];
		jdbc.query("""
				select coalesce(o.county_path, c.provider_path), c.occupation_code, e.status,
				       coalesce((select max(s.ends_at at time zone 'Asia/Shanghai')::date from training.class_session s
				                 where s.class_id = c.id), (e.enrolled_at at time zone 'Asia/Shanghai')::date)
				from training.enrolment e join training.training_class c on c.id = e.class_id
				left join training.training_order o on o.id = c.order_id
				""", rs -> {
			each.accept(new Trained(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
			count[0]++;
		});
		return count[0];
	}
}
