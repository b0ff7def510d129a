package cn.gongjiang.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Registrations by file (kind {@code registrations}): each row meets the rules of the API. Field rules run per row;
 * the rules that depend on other records (the name the registry knows, another enrolment, the plan's headcount, the
 * same student twice in the file) run set-based over the staged rows, the plan filling in row order.
 */
@Component
class RegistrationImport extends StagedImport {

	static final String KIND = "registrations";
	static final String ID_NUMBER = "身份证号", NAME = "姓名", SCHOOL = "学校统一社会信用代码", SPECIALTY = "专业代码",
			LEVEL = "班级层次", YEAR = "入学年份", SEASON = "入学季", KIND_COLUMN = "学员类别", MODE = "学习形式",
			ORIGIN = "生源地区划代码", AGREEMENT = "合作协议编号";

	private static final Map<String, String> SEASONS = Map.of("春季", "SPRING", "秋季", "AUTUMN", "SPRING", "SPRING",
			"AUTUMN", "AUTUMN");
	private static final Map<String, String> MODES = Map.of("全日制", "FULL_TIME", "非全日制", "PART_TIME", "FULL_TIME",
			"FULL_TIME", "PART_TIME", "PART_TIME");

	private final Schools schools;
	private final Registrations registrations;
	private final PersonRegistry persons;
	private final PersonalDataCipher cipher;
	private final Clock clock;

	RegistrationImport(JdbcClient jdbc, Schools schools, Registrations registrations, PersonRegistry persons,
			PersonalDataCipher cipher, Clock clock) {
		super(KIND, List.of(ImportColumn.required(ID_NUMBER, "18位居民身份证号").field("idNumber"),
				ImportColumn.required(NAME, "学生姓名").field("name"),
				ImportColumn.required(SCHOOL, "技工院校的统一社会信用代码").field("schoolCode"),
				ImportColumn.required(SPECIALTY, "已备案的专业代码").field("specialtyCode"),
				ImportColumn.required(LEVEL, "中级工班、高级工班、预备技师（技师）班").field("classLevel"),
				ImportColumn.required(YEAR, "如 2026").field("intakeYear"),
				ImportColumn.required(SEASON, "春季 或 秋季").field("intakeSeason"),
				ImportColumn.required(KIND_COLUMN, "应届/往届初中毕业生、高中毕业生、企业职工、失业人员、灵活就业人员、农民工、新型职业农民、其他")
						.field("learnerKind"),
				ImportColumn.required(MODE, "全日制 或 非全日制").field("studyMode"),
				ImportColumn.required(ORIGIN, "户籍地或毕业学校所在地的区划代码（省外亦可）").field("originRegionCode"),
				ImportColumn.optional(AGREEMENT, "跨省联合培养协议编号").field("agreementId")),
				"enrolment.registration_staging", List.of("person_index", "id_number_sealed", "id_number_masked",
						"name", "sex", "birth_date", "school_code", "school_path", "specialty_code", "class_level",
						"intake_year", "intake_season", "learner_kind", "study_mode", "origin_region", "agreement_id"),
				jdbc);
		this.schools = schools;
		this.registrations = registrations;
		this.persons = persons;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.role() == Role.TECHNICAL_SCHOOL || actor.regionalOfficer();
	}

	@Override
	public RowChecker checker(Actor actor) {
		var today = LocalDate.now(clock);
		var known = new HashMap<String, Optional<School>>();
		var hex = HexFormat.of();
		var rows = rowCheck().scopeIn(SCHOOL);
		return row -> rows.check(row, () -> {
			var school = known.computeIfAbsent(row.get(SCHOOL), schools::find);
			if (school.isEmpty()) {
				return CheckedRow.rejected(row, SCHOOL, "enrolment.school.not-found", row.get(SCHOOL));
			}
			if (!Schools.mayActFor(actor, school.get())) {
				return CheckedRow.rejected(row, SCHOOL, "scope.outside", row.get(SCHOOL));
			}
			var c = registrations.check(new Registration.Request(row.get(ID_NUMBER), row.get(NAME), row.get(SCHOOL),
					row.get(SPECIALTY), row.get(LEVEL), row.read(YEAR, Integer::valueOf),
					SEASONS.getOrDefault(row.get(SEASON), row.get(SEASON)), row.get(KIND_COLUMN),
					MODES.getOrDefault(row.get(MODE), row.get(MODE)), row.get(ORIGIN),
					row.read(AGREEMENT, Long::valueOf)), school.get(), today);
			if (EnrolmentRules.crossCity(school.get(), c.origin())) {
				return CheckedRow.rejected(row, ORIGIN, "enrolment.cross-city", c.origin(), school.get().cityCode());
			}
			var id = c.idNumber();
			return CheckedRow.staged(Arrays.asList(cipher.index(id).copyText(),
					"\\x" + hex.formatHex(cipher.seal(id.value())), id.masked(), c.name(), id.male() ? "M" : "F",
					id.birthDate().toString(), school.get().creditCode(), school.get().countyPath(),
					c.specialtyCode(), c.classLevel().name(), String.valueOf(c.intakeYear()), c.season().name(),
					c.learnerKind().name(), c.studyMode(), c.origin(),
					c.agreementId() == null ? null : c.agreementId().toString()));
		});
	}

	/**
	 * The rules over other records, set-based: a student twice in the file, a name the registry knows otherwise,
	 * another enrolment (a replay of an existing registration is not one), and the plan filling in row order.
	 */
	@Override
	public List<RowError> checkStaged(UUID job) {
		var namedOtherwise = namedOtherwise(job);
		return jdbc.sql("""
				with staged as (
				    select s.*, left(s.name, 1) || repeat('*', greatest(char_length(s.name) - 1, 0)) || ' '
				               || s.id_number_masked as masked, exists (
				        select 1 from enrolment.registration r where r.person_index = s.person_index
				          and r.school_code = s.school_code and r.intake_year = s.intake_year
				          and r.intake_season = s.intake_season and r.status = 'REGISTERED') as replay
				    from enrolment.registration_staging s where s.job_id = :job
				),
				twice as (
				    select row_number, min(row_number) over (partition by person_index) as first_row from staged
				),
				refused as (
				    select row_number, '身份证号' as col, 'duplicate-in-file' as code, cast(first_row as text) as arg,
				           null as school, null as person
				    from twice where row_number <> first_row
				    union all
				    select s.row_number, '姓名', 'enrolment.name-mismatch', null, null, null
				    from staged s where s.row_number = any(:namedOtherwise)
				    union all
				    select s.row_number, '身份证号',
				           case when r.school_code = s.school_code then 'enrolment.already-registered'
				                else 'enrolment.dual-registration' end, null, r.school_code, s.masked
				    from staged s join enrolment.registration r on r.person_index = s.person_index
				         and r.status = 'REGISTERED'
				    where not s.replay
				    union all
				    select s.row_number, '身份证号', 'enrolment.dual-registration',
				           case e.school_type when 'GENERAL_HIGH_SCHOOL' then '普通高中 ' else '中等职业学校 ' end
				               || e.school_name, null, s.masked
				    from staged s join enrolment.roster_entry e on e.person_index = s.person_index
				         and e.status = 'ENROLLED'
				    where not s.replay
				),
				ranked as (
				    select s.row_number, row_number() over (partition by s.school_code, s.intake_year, s.intake_season,
				               s.specialty_code, s.class_level order by s.row_number) as place,
				           s.school_code, s.intake_year, s.intake_season, s.specialty_code, s.class_level
				    from staged s
				    where not s.replay and s.row_number not in (select row_number from refused)
				),
				over_plan as (
				    select k.row_number, '专业代码' as col, 'enrolment.over-plan' as code,
				           cast(coalesce(l.headcount, 0) as text) as arg, null as school, null as person
				    from ranked k
				    left join enrolment.plan p on p.school_code = k.school_code and p.year = k.intake_year
				         and p.intake = k.intake_season and p.status = 'FILED'
				    left join enrolment.plan_line l on l.plan_id = p.id and l.specialty_code = k.specialty_code
				         and l.class_level = k.class_level
				    where k.place + (select count(*) from enrolment.registration r where r.school_code = k.school_code
				              and r.intake_year = k.intake_year and r.intake_season = k.intake_season
				              and r.specialty_code = k.specialty_code and r.class_level = k.class_level
				              and r.status in ('REGISTERED', 'GRADUATED')) > coalesce(l.headcount, 0)
				)
				select * from refused union all select * from over_plan order by 1
				""").param("job", job).param("namedOtherwise", namedOtherwise.toArray(Integer[]::new))
				.query((rs, i) -> error(rs)).list();
	}

	/** The staged rows whose student the registry knows by another name, asked of it a chunk of rows at a time. */
	private List<Integer> namedOtherwise(UUID job) {
		var rows = new ArrayList<Integer>();
		for (int after = 0, read = CHECK_CHUNK; read == CHECK_CHUNK;) {
			var staged = jdbc.sql("""
					select row_number, person_index, name from enrolment.registration_staging
					where job_id = :job and row_number > :after order by row_number limit :chunk
					""").param("job", job).param("after", after).param("chunk", CHECK_CHUNK)
					.query((rs, i) -> new PersonRegistry.NamedRow(rs.getInt(1),
							IdNumberIndex.of(rs.getBytes(2)), rs.getString(3))).list();
			rows.addAll(persons.namedOtherwise(staged));
			read = staged.size();
			after = staged.isEmpty() ? after : staged.get(staged.size() - 1).row();
		}
		return rows;
	}

	/** Staged rows checked against the registry per round. */
	private static final int CHECK_CHUNK = 10_000;

	/** A refused row with the arguments its message names: the other school by name, the student masked. */
	private RowError error(ResultSet rs) throws SQLException {
		var code = rs.getString(3);
		if (rs.getString(5) != null) {
			var school = schools.find(rs.getString(5)).map(School::name).orElse(rs.getString(5));
			return RowError.of(rs.getInt(1), rs.getString(2), code, "技工院校 " + school, rs.getString(6));
		}
		if (rs.getString(6) != null) {
			return RowError.of(rs.getInt(1), rs.getString(2), code, rs.getString(4), rs.getString(6));
		}
		return rs.getString(4) == null ? RowError.of(rs.getInt(1), rs.getString(2), code)
				: RowError.of(rs.getInt(1), rs.getString(2), code, rs.getString(4));
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var rows = overRows("""
				select * from enrolment.registration_staging where job_id = :job and row_number between :from and :to
				order by row_number
				""", job, fromRow, toRow).query().listOfRows();
		int changed = 0;
		var known = new HashMap<String, School>();
		for (var row : rows) {
			var id = IdNumber.parse(cipher.open((byte[]) row.get("id_number_sealed")));
			var school = known.computeIfAbsent((String) row.get("school_code"), schools::require);
			var season = IntakeSeason.valueOf((String) row.get("intake_season"));
			var year = (Integer) row.get("intake_year");
			var person = persons.realName(id, (String) row.get("name"), school.county(), "import:" + job);
			if (registrations.activeAt(person.idNumberIndex(), school.creditCode(), year, season).isPresent()) {
				continue;
			}
			var agreement = row.get("agreement_id");
			registrations.insert(new Registrations.Checked(id, (String) row.get("name"), school,
					(String) row.get("specialty_code"), ClassLevel.valueOf((String) row.get("class_level")), year,
					season, LearnerKind.valueOf((String) row.get("learner_kind")), (String) row.get("study_mode"),
					(String) row.get("origin_region"), agreement == null ? null : ((Number) agreement).longValue()),
					person, "import:" + job);
			changed++;
		}
		return new MergeCounts(changed, rows.size() - changed);
	}
}
