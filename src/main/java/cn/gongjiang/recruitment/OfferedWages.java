package cn.gongjiang.recruitment;

import java.time.LocalDate;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wages job postings offer (REC-1), as facts for the wage analysis (ANA-2): where, what, the minimum grade and
 * the range, for every posting that was ever published (drafts never were).
 */
@Service
public class OfferedWages {

	/** A posting's offer; either end of the range may be missing. */
	public record Offer(long jobId, String countyPath, String occupationCode, String minGrade, Integer wageMin,
			Integer wageMax, LocalDate postedOn) {
	}

	private final JdbcTemplate jdbc;

	OfferedWages(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(10_000);
	}

	@Transactional(readOnly = true)
	public long forEach(Consumer<Offer> each) {
		var count = new long[1];
		jdbc.query("""
				select id, county_path, occupation_code, min_grade, wage_min, wage_max,
				       (created_at at time zone 'Asia/Shanghai')::date
				from recruitment.job where status <> 'DRAFT' and (wage_min is not null or wage_max is not null)
				""", rs -> {
			each.accept(new Offer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					(Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getObject(7, LocalDate.class)));
			count[0]++;
		});
		return count[0];
	}
}
