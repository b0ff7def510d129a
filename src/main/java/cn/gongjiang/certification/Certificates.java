package cn.gongjiang.certification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gongjiang.registry.PersonIdentity;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumberIndex;

@Repository
class Certificates {

	/** Candidates read per round when only holders placed in a region count (the registry is asked per round). */
	private static final int CANDIDATES = 1_000;

	private final JdbcClient jdbc;
	private final PersonRegistry persons;

	Certificates(JdbcClient jdbc, PersonRegistry persons) {
		this.jdbc = jdbc;
		this.persons = persons;
	}

	long insert(CertificateCheck.Checked c, IdNumberIndex holderIndex, String source, Long trainingEnrolmentId,
			Long evaluationFilingId) {
		return jdbc.sql("""
				insert into certification.certificate (number, type, holder_index, holder_name, holder_id_masked,
				    occupation_code, grade, issuer, issued_on, source, training_enrolment_id, evaluation_filing_id)
				values (:number, :type, :holder, :name, :masked, :occupation, :grade, :issuer, :issuedOn, :source,
				    :enrolment, :filing)
				returning id
				""").param("enrolment", trainingEnrolmentId).param("filing", evaluationFilingId)
				.param("number", c.number()).param("type", c.type().code()).param("holder", holderIndex)
				.param("name", c.name()).param("masked", c.holder().masked()).param("occupation", c.occupation())
				.param("grade", c.grade() == null ? null : c.grade().code()).param("issuer", c.issuer())
				.param("issuedOn", c.issuedOn()).param("source", source)
				.query(Long.class).single();
	}

	/** {@code regionPath}: the holders the registry places there; the province's path takes unplaced holders too. */
	List<Certificate> withoutTraining(String regionPath, LocalDate since, int limit) {
		var province = "/330000/".equals(regionPath);
		var found = new ArrayList<Certificate>();
		LocalDate afterOn = null;
		long afterId = Long.MAX_VALUE;
		while (found.size() < limit) {
			var round = province ? limit - found.size() : CANDIDATES;
			var candidates = jdbc.sql("""
					select c.* from certification.certificate c
					where c.training_enrolment_id is null and c.source like 'api:%' and c.issued_on >= :since
					  and c.status = 'VALID'
					  and (cast(:afterOn as date) is null or (c.issued_on, c.id) < (cast(:afterOn as date), :afterId))
					order by c.issued_on desc, c.id desc limit :limit
					""").param("since", since).param("afterOn", afterOn).param("afterId", afterId).param("limit", round)
					.query((rs, i) -> Map.entry(map(rs, i), IdNumberIndex.of(rs.getBytes("holder_index")))).list();
			if (province) {
				candidates.forEach(c -> found.add(c.getKey()));
				break;
			}
			// the holders the registry places in the region, asked once for the round's candidates
			var placed = persons.identities(candidates.stream().map(Map.Entry::getValue).toList()).stream()
					.filter(p -> p.regionPath() != null && p.regionPath().startsWith(regionPath))
					.map(PersonIdentity::idNumberIndex).collect(Collectors.toSet());
			for (var c : candidates) {
				if (found.size() < limit && placed.contains(c.getValue())) {
					found.add(c.getKey());
				}
			}
			if (candidates.size() < round) {
				break;
			}
			var last = candidates.get(candidates.size() - 1).getKey();
			afterOn = last.issuedOn();
			afterId = last.id();
		}
		return found;
	}

	boolean numberTaken(String number) {
		return jdbc.sql("select exists (select 1 from certification.certificate where number = :n)").param("n", number)
				.query(Boolean.class).single();
	}

	/** The name the person registry holds for this holder, if it knows them. */
	Optional<String> registeredName(IdNumberIndex holderIndex) {
		return persons.identity(holderIndex).map(PersonIdentity::name);
	}

	/** Where the person registry places this holder (residence, else hukou in Zhejiang), if it knows them. */
	Optional<String> registeredRegion(IdNumberIndex holderIndex) {
		return persons.identity(holderIndex).map(PersonIdentity::regionPath);
	}

	Optional<Certificate> byNumber(String number) {
		return jdbc.sql("select * from certification.certificate where number = :n").param("n", number)
				.query(Certificates::map).optional();
	}

	IdNumberIndex holderOf(long id) {
		return IdNumberIndex.of(jdbc.sql("select holder_index from certification.certificate where id = :id")
				.param("id", id).query(byte[].class).single());
	}

	List<Certificate> forHolder(IdNumberIndex holderIndex) {
		return jdbc.sql("select * from certification.certificate where holder_index = :h order by issued_on, id")
				.param("h", holderIndex).query(Certificates::map).list();
	}

	/** The certificates of several holders (an imported chunk's), by holder, each holder's in issue order. */
	Map<IdNumberIndex, List<Certificate>> forHolders(List<IdNumberIndex> holderIndexes) {
		var held = new HashMap<IdNumberIndex, List<Certificate>>();
		jdbc.sql("""
				select * from certification.certificate where holder_index = any(:h) order by issued_on, id
				""").param("h", holderIndexes.stream().map(IdNumberIndex::bytes).toArray(byte[][]::new))
				.query((rs, row) -> held.computeIfAbsent(IdNumberIndex.of(rs.getBytes("holder_index")),
						h -> new ArrayList<>()).add(map(rs, row)))
				.list();
		return held;
	}

	boolean revoke(long id, String reason, LocalDate on) {
		return jdbc.sql("""
				update certification.certificate set status = 'REVOKED', revoked_reason = :reason, revoked_on = :on,
				    updated_at = now(), version = version + 1
				where id = :id and status = 'VALID'
				""").param("id", id).param("reason", reason).param("on", on).update() == 1;
	}

	/** Valid certificates after an id, in id order, as the facts a decision needs (SUB-3 back-deciding). */
	List<CertificateIssued> validAfter(long afterId, int limit) {
		return jdbc.sql("""
				select id, number, holder_index, type, occupation_code, grade, issued_on, issuer,
				       training_enrolment_id
				from certification.certificate
				where id > :after and status = 'VALID'
				order by id limit :limit
				""").param("after", afterId).param("limit", limit).query(Certificates::fact).list();
	}

	Optional<CertificateIssued> validFact(String number) {
		return jdbc.sql("""
				select id, number, holder_index, type, occupation_code, grade, issued_on, issuer,
				       training_enrolment_id
				from certification.certificate where number = :n and status = 'VALID'
				""").param("n", number).query(Certificates::fact).optional();
	}

	private static CertificateIssued fact(ResultSet rs, int row) throws SQLException {
		return new CertificateIssued(rs.getLong(1), rs.getString(2), IdNumberIndex.of(rs.getBytes(3)), rs.getString(4),
				rs.getString(5),
				rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8), (Long) rs.getObject(9));
	}

	static Certificate map(ResultSet rs, int row) throws SQLException {
		return new Certificate(rs.getLong("id"), rs.getString("number"), rs.getString("type"),
				rs.getString("holder_name"), rs.getString("holder_id_masked"), rs.getString("occupation_code"),
				rs.getString("grade"), rs.getString("issuer"), rs.getObject("issued_on", LocalDate.class),
				rs.getString("status"), rs.getString("revoked_reason"), rs.getObject("revoked_on", LocalDate.class),
				(Long) rs.getObject("evaluation_filing_id"));
	}
}
