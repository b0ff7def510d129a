package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.PersonId;

/**
 * Every person as a fact for set-based analysis (ANA-1, ANA-3): where they are counted (residence, else hukou in
 * Zhejiang, as {@code person_identity} places them), sex, birth date, groups and their employer's industry field;
 * never a name or a number. Streamed, so 40 M persons never sit in memory.
 */
@Service
public class PersonFacts {

	/** One person: {@code idNumberIndex} is the keyed index certificates and wages name their holder by. */
	public record Fact(PersonId personId, IdNumberIndex idNumberIndex, String regionPath, String sex, LocalDate birthDate,
			List<String> groups, String industryField) {
	}

	private final JdbcTemplate jdbc;

	PersonFacts(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(10_000);
	}

	/** Hands every person to {@code each}; returns how many. */
	@Transactional(readOnly = true)
	public long forEach(Consumer<Fact> each) {
		var count = new long[1];
		jdbc.query("""
				select p.id, p.id_number_index, coalesce(p.residence_path, p.hukou_path), p.sex, p.birth_date, p.groups,
				       e.industry_field
				from registry.person p left join registry.enterprise e on e.credit_code = p.employer_credit_code
				""", rs -> {
			var groups = rs.getArray(6);
			each.accept(new Fact(PersonId.of(rs.getLong(1)), IdNumberIndex.of(rs.getBytes(2)), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class),
					groups == null ? List.of() : Arrays.asList((String[]) groups.getArray()), rs.getString(7)));
			count[0]++;
		});
		return count[0];
	}

	/**
	 * The keyed index of a person's ID number, for reading their certificates: the caller has already checked that
	 * the reader may see this person (their archive answered).
	 */
	@Transactional(readOnly = true)
	public Optional<IdNumberIndex> indexOf(PersonId personId) {
		return jdbc.query("select id_number_index from registry.person where id = ?", rs -> rs.next()
				? Optional.of(IdNumberIndex.of(rs.getBytes(1))) : Optional.<IdNumberIndex>empty(), personId.value());
	}
}
