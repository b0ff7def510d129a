package cn.gongjiang.enrolment;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.security.Actor;

/**
 * ENR-5, ENR-6: enrolment per city and year by class level, and the share of the higher levels (高级工班 and
 * 预备技师（技师）班) that 002 二(二) asks to grow. Counts registered and graduated students; the target comparison is
 * the targets module's (TECH_SCHOOL_ENROLMENT).
 */
@Service
public class EnrolmentProgress {

	/** One city's intake of one year. */
	public record CityYear(String cityCode, int year, int intermediate, int senior, int technician) {

		public int total() {
			return intermediate + senior + technician;
		}

		/** Share of the higher levels, 0 when nobody enrolled. */
		public double higherShare() {
			return total() == 0 ? 0 : (senior + technician) / (double) total();
		}
	}

	private final JdbcClient jdbc;

	EnrolmentProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<CityYear> byCity(Actor actor, Integer year) {
		actor.requireRegionalOfficer();
		return byCity(actor.scope().regionPath(), year);
	}

	/** Unscoped, for a report whose reader has been checked already. */
	public List<CityYear> byCity(String regionPath, Integer year) {
		return jdbc.sql("""
				select split_part(school_path, '/', 3) as city_code, intake_year as year,
				       count(*) filter (where class_level = 'INTERMEDIATE') as intermediate,
				       count(*) filter (where class_level = 'SENIOR') as senior,
				       count(*) filter (where class_level = 'TECHNICIAN') as technician
				from enrolment.registration
				where school_path like :path || '%' and status in ('REGISTERED', 'GRADUATED')
				  and (cast(:year as integer) is null or intake_year = :year)
				group by 1, 2 order by 2, 1
				""").param("path", regionPath).param("year", year).query(CityYear.class).list();
	}
}
