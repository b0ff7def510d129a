package cn.gongjiang.registry;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.DataScope;

import tools.jackson.databind.json.JsonMapper;

/** The person table. A person is visible to the officers of their residence or hukou region, and to themselves. */
@Repository
class Persons {

	static final String VISIBLE = """
			((:scopeKind = 'REGION' and (p.residence_path like :scopePath || '%' or p.hukou_path like :scopePath || '%'))
			 or (:scopeKind = 'PERSON' and p.id_number_index = :scopePerson))
			""";
	/** {@link #VISIBLE} for an officer's scope: the same rows, without the branch a person's own scope needs. */
	private static final String VISIBLE_IN_REGION = """
			(p.residence_path like :scopePath || '%' or p.hukou_path like :scopePath || '%')
			""";
	private static final String SELECT = """
			select p.*, e.name as employer_name from registry.person p
			left join registry.enterprise e on e.credit_code = p.employer_credit_code
			""";

	/** The stored row, sealed values included. */
	record Row(long id, byte[] idNumberSealed, String idNumberMasked, String name, String sex,
			LocalDate birthDate, String hukouRegion, String residenceRegion, byte[] mobileSealed,
			String mobileMasked, Education education, List<String> groups, String employerCreditCode,
			String salaryBand, int version, String employerName, String pension, String pensionSource,
			LocalDate pensionAsOf) {

		PersonSummary summary() {
			return new PersonSummary(id, name, idNumberMasked, sex, birthDate, hukouRegion, residenceRegion,
					mobileMasked, education, groups, employerCreditCode, salaryBand, version, employerName, pension,
					pensionSource, pensionAsOf);
		}
	}

	/** A new or changed person, ready to store: sealed, indexed, masked, paths resolved. */
	record Upsert(byte[] idNumberIndex, byte[] idNumberSealed, String idNumberMasked, String name, String sex,
			LocalDate birthDate, String hukouRegion, String hukouPath, String residenceRegion,
			String residencePath, byte[] mobileSealed, byte[] mobileIndex, String mobileMasked, Education education,
			List<String> groups,
			String employerCreditCode, String salaryBand) {
	}

	enum Outcome { CREATED, UPDATED, UNCHANGED }

	record Saved(long id, Outcome outcome) {
	}

	/**
	 * What "the same person again" means, shared by the API and the bulk import: update only when something a person
	 * can change differs (compared through the keyed index for sealed values), so a replay writes nothing.
	 */
	static final String ON_CONFLICT = """
			on conflict (id_number_index) do update set
			    name = excluded.name, hukou_region = excluded.hukou_region, hukou_path = excluded.hukou_path,
			    residence_region = excluded.residence_region, residence_path = excluded.residence_path,
			    mobile_sealed = case when t.mobile_index is distinct from excluded.mobile_index
			                         then excluded.mobile_sealed else t.mobile_sealed end,
			    mobile_index = excluded.mobile_index, mobile_masked = excluded.mobile_masked,
			    education = excluded.education, groups = excluded.groups,
			    employer_credit_code = excluded.employer_credit_code, salary_band = excluded.salary_band,
			    updated_at = now(), version = t.version + 1
			where (t.name, t.hukou_region, t.residence_region, t.mobile_index, t.education, t.groups,
			       t.employer_credit_code, t.salary_band)
			      is distinct from
			      (excluded.name, excluded.hukou_region, excluded.residence_region, excluded.mobile_index,
			       excluded.education, excluded.groups, excluded.employer_credit_code, excluded.salary_band)
			""";

	private final JdbcClient jdbc;

	Persons(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts, or updates when anything but the sealed values' randomness differs; sealed values change only with the
	 * plaintext (compared through the index and the masked form), so a replay changes nothing.
	 */
	Saved upsert(Upsert p) {
		var saved = jdbc.sql("""
				insert into registry.person as t (id_number_index, id_number_sealed, id_number_masked, name, sex,
				    birth_date, hukou_region, hukou_path, residence_region, residence_path, mobile_sealed, mobile_index,
				    mobile_masked, education, groups, employer_credit_code, salary_band)
				values (:index, :sealed, :masked, :name, :sex, :birth, :hukou, :hukouPath, :residence, :residencePath,
				    :mobileSealed, :mobileIndex, :mobileMasked, :education, :groups, :employer, :salary)
				""" + ON_CONFLICT + """
				returning id, (xmax = 0) as created
				""")
				.param("index", p.idNumberIndex())
				.param("sealed", p.idNumberSealed())
				.param("masked", p.idNumberMasked())
				.param("name", p.name())
				.param("sex", p.sex())
				.param("birth", p.birthDate())
				.param("hukou", p.hukouRegion())
				.param("hukouPath", p.hukouPath())
				.param("residence", p.residenceRegion())
				.param("residencePath", p.residencePath())
				.param("mobileSealed", p.mobileSealed())
				.param("mobileIndex", p.mobileIndex())
				.param("mobileMasked", p.mobileMasked())
				.param("education", p.education() == null ? null : p.education().name())
				.param("groups", p.groups().toArray(String[]::new))
				.param("employer", p.employerCreditCode())
				.param("salary", p.salaryBand())
				.query((rs, i) -> new Saved(rs.getLong("id"), rs.getBoolean("created") ? Outcome.CREATED : Outcome.UPDATED))
				.optional();
		return saved.orElseGet(() -> new Saved(jdbc.sql("select id from registry.person where id_number_index = :index")
				.param("index", p.idNumberIndex()).query(Long.class).single(), Outcome.UNCHANGED));
	}

	List<Row> byIds(List<Long> ids) {
		return jdbc.sql(SELECT + "where p.id = any(:ids)").param("ids", ids.toArray(Long[]::new)).query(Persons::map)
				.list();
	}

	Optional<Row> find(long id, DataScope scope) {
		return RegistryScope.bind(jdbc.sql(SELECT + "where p.id = :id and " + VISIBLE).param("id", id), scope)
				.query(Persons::map).optional();
	}

	Optional<Row> byIndex(byte[] index, DataScope scope) {
		return RegistryScope.bind(jdbc.sql(SELECT + "where p.id_number_index = :index and " + VISIBLE)
				.param("index", index), scope).query(Persons::map).optional();
	}

	List<Row> byName(String name, DataScope scope, int limit) {
		return RegistryScope.bind(jdbc.sql(SELECT + "where p.name = :name and " + VISIBLE + " order by p.id limit :limit")
				.param("name", name).param("limit", limit), scope).query(Persons::map).list();
	}

	List<Row> recent(DataScope scope, int limit) {
		return RegistryScope.bind(jdbc.sql(SELECT + "where " + VISIBLE + " order by p.updated_at desc, p.id desc limit :limit")
				.param("limit", limit), scope).query(Persons::map).list();
	}

	/** The orders the persons list offers: newest registrations first, or by name; both keyset-paged. */
	enum Order { REGISTERED, NAME }

	/**
	 * One page of the persons list after or before a keyset cursor (the row a page ended or began with), at most
	 * {@code size} rows plus one to tell whether there is more, in the order read (reversed when going backwards). Only the predicates the filter uses are in the SQL,
	 * so every plan is the one for its shape (an {@code :x is null or …} predicate defeats indexes once PostgreSQL
	 * switches to a generic plan).
	 */
	List<Row> page(DataScope scope, PersonFilter filter, String regionPath, Order order, String cursor,
			boolean backwards, int size) {
		var sql = new StringBuilder(SELECT).append("where ").append(VISIBLE);
		var parameters = new HashMap<String, Object>();
		conditions(filter, regionPath, sql, parameters);
		if (cursor != null) {
			var at = Cursor.parse(cursor, order);
			if (order == Order.NAME) {
				sql.append(backwards ? " and (p.name, p.id) < (:cursorName, :cursorId)" : " and (p.name, p.id) > (:cursorName, :cursorId)");
				parameters.put("cursorName", at.name());
			}
			else {
				sql.append(backwards ? " and p.id > :cursorId" : " and p.id < :cursorId");
			}
			parameters.put("cursorId", at.id());
		}
		var ascending = (order == Order.NAME) != backwards;
		sql.append(order == Order.NAME ? " order by p.name" + (ascending ? "" : " desc") + ", p.id" + (ascending ? "" : " desc")
				: " order by p.id" + (ascending ? "" : " desc"));
		sql.append(" limit :limit");
		parameters.put("limit", size + 1);
		return RegistryScope.bind(jdbc.sql(sql.toString()).params(parameters), scope).query(Persons::map).list();
	}

	/** How many rows a filter matches, counting at most {@code cap + 1} (beyond that the page says "more than"). */
	long countUpTo(DataScope scope, PersonFilter filter, String regionPath, int cap) {
		return countStatement("", scope, filter, regionPath, cap).query(Long.class).single();
	}

	/**
	 * The capped count, after {@code prefix} ({@code explain} in the test of its plan). An officer's region is asked
	 * of the two paths alone, which the name index carries, so a name's count reads no table page (registry V22).
	 */
	JdbcClient.StatementSpec countStatement(String prefix, DataScope scope, PersonFilter filter, String regionPath,
			int cap) {
		var sql = new StringBuilder(prefix).append("select count(*) from (select 1 from registry.person p where ")
				.append(scope.regional() ? VISIBLE_IN_REGION : VISIBLE);
		var parameters = new HashMap<String, Object>();
		conditions(filter, regionPath, sql, parameters);
		sql.append(" limit :cap) matched");
		parameters.put("cap", cap + 1);
		return RegistryScope.bind(jdbc.sql(sql.toString()).params(parameters), scope);
	}

	static void conditions(PersonFilter filter, String regionPath, StringBuilder sql,
			Map<String, Object> parameters) {
		if (filter.name() != null) {
			sql.append(" and p.name = :name");
			parameters.put("name", filter.name());
		}
		if (regionPath != null) {
			sql.append(" and p.residence_path like :regionPath || '%'");
			parameters.put("regionPath", regionPath);
		}
		if (filter.group() != null) {
			sql.append(" and :group = any(p.groups)");
			parameters.put("group", filter.group());
		}
		if (filter.sex() != null) {
			sql.append(" and p.sex = :sex");
			parameters.put("sex", filter.sex());
		}
		if (filter.employer() != null) {
			sql.append(" and p.employer_credit_code = :employer");
			parameters.put("employer", filter.employer());
		}
	}

	/** Where a page ended: the row's id, and its name when the list is ordered by name. */
	record Cursor(long id, String name) {

		static String of(Row row, Order order) {
			return order == Order.NAME
					? Base64.getUrlEncoder().withoutPadding().encodeToString(
							row.name().getBytes(StandardCharsets.UTF_8)) + "~" + row.id()
					: String.valueOf(row.id());
		}

		static Cursor parse(String cursor, Order order) {
			try {
				if (order == Order.NAME) {
					var at = cursor.lastIndexOf('~');
					return new Cursor(Long.parseLong(cursor.substring(at + 1)), new String(
							Base64.getUrlDecoder().decode(cursor.substring(0, at)),
							StandardCharsets.UTF_8));
				}
				return new Cursor(Long.parseLong(cursor), null);
			}
			catch (RuntimeException e) {
				throw new InvalidValueException("request.parameter.invalid", "after");
			}
		}
	}

	record Identity(long id, String name) {
	}

	Optional<PersonProfile> profile(IdNumberIndex index) {
		return jdbc.sql("select " + PROFILE + " from registry.person where id_number_index = :index")
				.param("index", index).query(Persons::profile).optional();
	}

	List<PersonIdentity> identities(List<IdNumberIndex> indexes) {
		return jdbc.sql("""
				select id, id_number_index, name, coalesce(residence_path, hukou_path) from registry.person
				where id_number_index = any(:indexes)
				""").param("indexes", bytea(indexes))
				.query((rs, i) -> new PersonIdentity(PersonId.of(rs.getLong(1)), IdNumberIndex.of(rs.getBytes(2)), rs.getString(3),
						rs.getString(4)))
				.list();
	}

	List<PersonProfile> profiles(List<IdNumberIndex> indexes) {
		return jdbc.sql("select " + PROFILE + " from registry.person where id_number_index = any(:indexes)")
				.param("indexes", bytea(indexes)).query(Persons::profile).list();
	}

	/** Indexes as a {@code bytea[]} parameter, for {@code = any(…)}. */
	private static byte[][] bytea(List<IdNumberIndex> indexes) {
		return indexes.stream().map(IdNumberIndex::bytes).toArray(byte[][]::new);
	}

	private static final String PROFILE = """
			id, id_number_masked, name, sex, birth_date, hukou_region, hukou_path, residence_path, groups,
			employer_credit_code, id_number_index, pension""";

	private static PersonProfile profile(ResultSet rs, int row) throws SQLException {
		return new PersonProfile(PersonId.of(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
				strings(rs.getArray(9)), rs.getString(10), IdNumberIndex.of(rs.getBytes(11)), rs.getString(12));
	}

	List<RealName> inGroup(DataScope scope, String group, int limit) {
		return RegistryScope.bind(jdbc.sql("select p.id, p.id_number_index, p.id_number_masked from registry.person p where "
				+ VISIBLE + " and :group = any(p.groups) order by p.id limit :limit"), scope)
				.param("group", group).param("limit", limit)
				.query((rs, i) -> new RealName(PersonId.of(rs.getLong(1)), IdNumberIndex.of(rs.getBytes(2)), rs.getString(3), false))
				.list();
	}

	Optional<Identity> identity(IdNumberIndex index) {
		return jdbc.sql("select id, name from registry.person where id_number_index = :index").param("index", index)
				.query(Identity.class).optional();
	}

	/** A person known only by real name so far; a concurrent insert of the same number wins and is returned. */
	long insertRealName(IdNumberIndex index, byte[] sealed, String masked, String name, String sex, LocalDate birth,
			String residence, String residencePath, String source) {
		jdbc.sql("""
				insert into registry.person (id_number_index, id_number_sealed, id_number_masked, name, sex, birth_date,
				    residence_region, residence_path)
				values (:index, :sealed, :masked, :name, :sex, :birth, :residence, :path)
				on conflict (id_number_index) do nothing
				""").param("index", index).param("sealed", sealed).param("masked", masked).param("name", name)
				.param("sex", sex).param("birth", birth).param("residence", residence).param("path", residencePath)
				.update();
		return jdbc.sql("select id from registry.person where id_number_index = :index").param("index", index)
				.query(Long.class).single();
	}

	void changeEmployer(long personId, String creditCode) {
		jdbc.sql("""
				update registry.person set employer_credit_code = :employer, updated_at = now()
				where id = :id and employer_credit_code is distinct from :employer
				""").param("employer", creditCode).param("id", personId).update();
	}

	private static final JsonMapper JSON = JsonMapper.builder()
			.build();

	/** A stored change of the person: when, what kind, and its values (codes), never prose. */
	record StoredEvent(LocalDate on, String kind, Map<String, Object> detail) {
	}

	/**
	 * The person's own changes (registration, employers, residences), oldest first. Since registry V18 a registration
	 * is read from the person row: its day (Beijing) and, as first residence and employer, the "from" of the first
	 * change of each or the current value when it never changed. Persons registered before keep their stored line.
	 */
	List<StoredEvent> history(long personId) {
		var stored = jdbc.sql("""
				select occurred_on, kind, detail::text from registry.person_event where person_id = :person
				order by occurred_on, id
				""").param("person", personId)
				.query((rs, i) -> new StoredEvent(rs.getObject(1, LocalDate.class), rs.getString(2),
						detail(rs.getString(3))))
				.list();
		if (stored.stream().anyMatch(e -> e.kind().equals(REGISTERED))) {
			return stored;
		}
		var registered = jdbc.sql("""
				select (created_at at time zone 'Asia/Shanghai')::date, residence_region, employer_credit_code
				from registry.person where id = :person
				""").param("person", personId)
				.query((rs, i) -> {
					var detail = new LinkedHashMap<String, Object>();
					detail.put("residenceRegion", firstFrom(stored, "RESIDENCE", rs.getString(2)));
					detail.put("employer", firstFrom(stored, "EMPLOYER", rs.getString(3)));
					return new StoredEvent(rs.getObject(1, LocalDate.class), REGISTERED, detail);
				}).optional();
		if (registered.isEmpty()) {
			return stored;
		}
		var history = new ArrayList<StoredEvent>(stored.size() + 1);
		history.add(registered.get());
		history.addAll(stored);
		return history;
	}

	private static final String REGISTERED = "REGISTERED";

	/** What the first change of {@code kind} changed from, or {@code now} when there was none. */
	private static Object firstFrom(List<StoredEvent> changes, String kind, String now) {
		for (var change : changes) {
			if (change.kind().equals(kind)) {
				return change.detail().get("from"); // null when there was none at registration
			}
		}
		return now;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> detail(String json) {
		return json == null ? Map.of() : JSON.readValue(json, LinkedHashMap.class);
	}

	IdNumberIndex idNumberIndex(long personId) {
		return IdNumberIndex.of(jdbc.sql("select id_number_index from registry.person where id = :id")
				.param("id", personId).query(byte[].class).single());
	}

	/** Records whether a person draws a pension; false when the version seen is no longer the person's. */
	boolean recordPension(long id, int version, String pension, String source, LocalDate asOf) {
		return jdbc.sql("""
				update registry.person set pension = :pension, pension_source = :source, pension_as_of = :asOf,
				    version = version + 1, updated_at = now()
				where id = :id and version = :version
				""").param("pension", pension).param("source", source).param("asOf", asOf).param("id", id)
				.param("version", version).update() == 1;
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		var education = rs.getString("education");
		return new Row(rs.getLong("id"), rs.getBytes("id_number_sealed"), rs.getString("id_number_masked"),
				rs.getString("name"), rs.getString("sex"), rs.getObject("birth_date", LocalDate.class),
				rs.getString("hukou_region"), rs.getString("residence_region"), rs.getBytes("mobile_sealed"),
				rs.getString("mobile_masked"), education == null ? null : Education.valueOf(education),
				strings(rs.getArray("groups")), rs.getString("employer_credit_code"), rs.getString("salary_band"),
				rs.getInt("version"), rs.getString("employer_name"), rs.getString("pension"), rs.getString("pension_source"),
				rs.getObject("pension_as_of", LocalDate.class));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
