package cn.gongjiang.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.targets.Returns;

/**
 * Generated target returns (TGT-2): every county, city and department reports each figure the platform does not hold
 * at every quarter end so far, somewhere between well behind and a little ahead of the elapsed time (序时进度), and the
 * level above approves it — counties before their city, as the approval rule requires.
 */
@Component
class TargetReturnsLoader {

	/** Returns submitted and approved; figures already approved (locked) are left as they are. */
	record Loaded(int submitted, int locked) {
	}

	private record Owed(long target, String indicator, String region, String path, String department, Integer line,
			String label, LocalDate start, LocalDate end, BigDecimal value) {
	}

	private final JdbcClient jdbc;
	private final Returns returns;

	TargetReturnsLoader(JdbcClient jdbc, Returns returns) {
		this.jdbc = jdbc;
		this.returns = returns;
	}

	Loaded load(long seed, LocalDate today) {
		// targets the platform cannot count, deepest regions first, then departments; the province's own figures are
		// nobody's return
		var owed = jdbc.sql("""
				select t.id, t.indicator, t.region_code, t.region_path, o.departments[1], t.task_line_id,
				       t.label, t.period_start, t.period_end, t.value
				from targets.target t join targets.indicator i on i.code = t.indicator
				left join lateral (select array_agg(d.department order by d.position) as departments
				    from targets.task_line_department d where d.task_line_id = t.task_line_id) o on t.region_code is null
				where i.fact is null and t.value is not null and t.period_start <= :today
				  and (t.region_code is null or t.region_path <> '/330000/')
				order by array_to_string(o.departments, '、') nulls first, length(t.region_path) desc, t.id

				""").param("today", today).query((rs, i) -> new Owed(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7),
						rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getBigDecimal(10)))
				.list();
		var province = officer("/330000/");
		int submitted = 0, locked = 0;
		for (var o : owed) {
			var random = new Random(seed * 31 + o.target());
			var pace = 0.55 + random.nextDouble() * 0.6;
			var days = Math.max(1, ChronoUnit.DAYS.between(o.start(), o.end()) + 1);
			for (var asOf = quarterEnd(o.start()); !asOf.isAfter(o.end()) && asOf.isBefore(today);
					asOf = quarterEnd(asOf.plusDays(1))) {
				var elapsed = (ChronoUnit.DAYS.between(o.start(), asOf) + 1) / (double) days;
				var value = o.value().multiply(BigDecimal.valueOf(Math.min(1.15, elapsed * pace)))
						.setScale(o.value().scale(), RoundingMode.HALF_UP);
				var owner = o.department() != null
						? new Actor(0, "generator-" + o.department(), o.department(), Role.DEPARTMENT_OFFICER,
								DataScope.department(o.department()), false)
						: officer(o.path());
				try {
					var report = returns.submit(owner, new Returns.Submission(o.indicator(),
							o.department() == null ? o.region() : null, o.department(), o.line(), o.label(), asOf, value,
							"生成数据：" + asOf + " 台账"));
					returns.approve(o.department() != null ? province : officer(parent(o.path())), report.id());
					submitted++;
				}
				catch (ConflictException alreadyApproved) {
					locked++;
				}
			}
		}
		return new Loaded(submitted, locked);
	}

	private static LocalDate quarterEnd(LocalDate day) {
		var start = day.with(IsoFields.DAY_OF_QUARTER, 1);
		return start.plusMonths(3).minusDays(1);
	}

	/** {@code /330000/330600/330603/} → {@code /330000/330600/}. */
	private static String parent(String path) {
		return path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
	}

	/** The officer of the region a path ends in: province, city or county by its depth. */
	private static Actor officer(String path) {
		var parts = path.split("/");
		var code = parts[parts.length - 1];
		var role = parts.length == 2 ? Role.PROVINCE_OFFICER : parts.length == 3 ? Role.CITY_OFFICER : Role.COUNTY_OFFICER;
		return new Actor(0, "generator-" + code, code, role, DataScope.region(RegionCode.of(code), path), false);
	}
}
