package cn.gongjiang.recruitment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.ImportHandler;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.OccupationCode;
import cn.gongjiang.shared.security.Actor;

/**
 * Job seekers by file (kind {@code seekers}, REC-2): the registrations of job seekers (求职登记) and of the
 * unemployed (失业登记) an officer receives from the employment service, for persons of the registry living in the
 * officer's region. The same rules as one registration by form; a person already placed is refused; the same file
 * again changes nothing.
 */
@Component
class SeekerImport implements ImportHandler {

	static final String ID_NUMBER = "身份证号", NAME = "姓名", BASIS = "登记类别", WANTED = "求职意向职业编码",
			WAGE = "期望月薪";
	private static final Map<String, Seeker.Basis> BASES = Map.of("求职登记", Seeker.Basis.REGISTERED, "REGISTERED",
			Seeker.Basis.REGISTERED, "失业登记", Seeker.Basis.UNEMPLOYED, "UNEMPLOYED", Seeker.Basis.UNEMPLOYED);

	private final PersonRegistry persons;
	private final PersonalDataCipher cipher;
	private final CertificateRegister certificates;
	private final OccupationCatalogue occupations;
	private final JdbcClient jdbc;
	private final Clock clock;

	SeekerImport(PersonRegistry persons, PersonalDataCipher cipher, CertificateRegister certificates,
			OccupationCatalogue occupations, JdbcClient jdbc, Clock clock) {
		this.persons = persons;
		this.cipher = cipher;
		this.certificates = certificates;
		this.occupations = occupations;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "seekers";
	}

	@Override
	public List<ImportColumn> columns() {
		return List.of(ImportColumn.required(ID_NUMBER, "18位，人员库中已登记"), ImportColumn.required(NAME, "与人员库一致"),
				ImportColumn.required(BASIS, "求职登记 或 失业登记"), ImportColumn.optional(WANTED, "职业编码，如 6-18-01-01"),
				ImportColumn.optional(WAGE, "元/月，1000 至 200000"));
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.regionalOfficer();
	}

	@Override
	public String stagingTable() {
		return "recruitment.seeker_staging";
	}

	@Override
	public List<String> stagingColumns() {
		return List.of("person_id", "person_index", "name", "id_number_masked", "residence_path", "basis",
				"wanted_occupation", "expected_wage", "skills");
	}

	@Override
	public RowChecker checker(Actor actor) {
		return row -> {
			var missing = RowError.missing(row, columns());
			if (!missing.isEmpty()) {
				return CheckedRow.rejected(missing);
			}
			String column = ID_NUMBER;
			try {
				var number = IdNumber.parse(row.get(ID_NUMBER));
				var index = cipher.index(number);
				var profile = persons.profile(index).orElse(null);
				if (profile == null) {
					return rejected(row.number(), ID_NUMBER, "recruitment.seeker.person-unknown");
				}
				if (!profile.name().equals(row.get(NAME).strip())) {
					return rejected(row.number(), NAME, "name-mismatch", profile.name());
				}
				var home = profile.residencePath() != null ? profile.residencePath()
						: profile.hukouPath() != null ? profile.hukouPath() : actor.scope().regionPath();
				if (!actor.scope().covers(home)) {
					return rejected(row.number(), ID_NUMBER, "recruitment.seeker.outside-scope");
				}
				column = BASIS;
				var basis = BASES.get(row.get(BASIS).strip());
				if (basis == null) {
					return rejected(row.number(), BASIS, "recruitment.seeker.basis.unknown", row.get(BASIS));
				}
				column = WANTED;
				String wanted = null;
				if (row.get(WANTED) != null) {
					wanted = OccupationCode.of(row.get(WANTED).strip()).value();
					if (!occupations.exists(OccupationCode.of(wanted))) {
						return rejected(row.number(), WANTED, "occupation.not-found", wanted);
					}
				}
				column = WAGE;
				Integer wage = row.get(WAGE) == null ? null : Integer.valueOf(row.get(WAGE).strip().replace(",", ""));
				if (wage != null && (wage < 1000 || wage > 200_000)) {
					return rejected(row.number(), WAGE, "recruitment.seeker.wage.invalid");
				}
				return CheckedRow.staged(Arrays.asList(String.valueOf(profile.personId()),
						index.copyText(), profile.name(), profile.idNumberMasked(), home,
						basis.name(), wanted, wage == null ? null : wage.toString(), skills(index)));
			}
			catch (BusinessException e) {
				return rejected(row.number(), column, e.code(), e.arguments());
			}
			catch (NumberFormatException e) {
				return rejected(row.number(), column, "value.format");
			}
		};
	}

	/** The seeker's skills, as the staging table carries them: occupation=rank;… */
	private String skills(IdNumberIndex index) {
		var best = Seekers.skills(certificates.forHolderIndex(index));
		return best.isEmpty() ? null
				: best.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
	}

	private static CheckedRow rejected(int row, String column, String code, Object... arguments) {
		return CheckedRow.rejected(List.of(RowError.of(row, column, code, arguments)));
	}

	/** The same person twice in the file: the first row counts. A person already placed is not seeking. */
	@Override
	public List<RowError> checkStaged(UUID job) {
		var errors = new ArrayList<>(jdbc.sql("""
				select row_number, first_row from (
				    select row_number, min(row_number) over (partition by person_id) as first_row
				    from recruitment.seeker_staging where job_id = :job
				) s where row_number <> first_row
				""").param("job", job)
				.query((rs, i) -> RowError.of(rs.getInt(1), ID_NUMBER, "duplicate-in-file", rs.getInt(2))).list());
		errors.addAll(jdbc.sql("""
				select s.row_number from recruitment.seeker_staging s
				join recruitment.seeker k on k.person_id = s.person_id and k.status = 'PLACED'
				where s.job_id = :job
				""").param("job", job)
				.query((rs, i) -> RowError.of(rs.getInt(1), ID_NUMBER, "recruitment.already-placed")).list());
		return errors;
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = jdbc.sql("select count(*) from recruitment.seeker_staging where job_id = :job "
				+ "and row_number between :from and :to").param("job", job).param("from", fromRow).param("to", toRow)
				.query(Integer.class).single();
		var changed = jdbc.sql("""
				insert into recruitment.seeker (person_id, person_index, name, id_number_masked, residence_path, basis,
				    wanted_occupation, expected_wage, since)
				select person_id, person_index, name, id_number_masked, residence_path, basis, wanted_occupation,
				    expected_wage, :today
				from recruitment.seeker_staging where job_id = :job and row_number between :from and :to
				on conflict (person_id) do update set basis = excluded.basis,
				    wanted_occupation = coalesce(excluded.wanted_occupation, recruitment.seeker.wanted_occupation),
				    expected_wage = coalesce(excluded.expected_wage, recruitment.seeker.expected_wage),
				    status = 'SEEKING', residence_path = excluded.residence_path, updated_at = now(),
				    version = recruitment.seeker.version + 1
				where recruitment.seeker.status <> 'PLACED'
				  and (recruitment.seeker.basis, recruitment.seeker.status, recruitment.seeker.residence_path,
				       recruitment.seeker.wanted_occupation, recruitment.seeker.expected_wage)
				      is distinct from (excluded.basis, 'SEEKING', excluded.residence_path,
				       coalesce(excluded.wanted_occupation, recruitment.seeker.wanted_occupation),
				       coalesce(excluded.expected_wage, recruitment.seeker.expected_wage))
				""").param("job", job).param("from", fromRow).param("to", toRow).param("today", LocalDate.now(clock))
				.update();
		jdbc.sql("""
				insert into recruitment.seeker_skill (person_id, occupation_code, grade_rank)
				select s.person_id, split_part(k, '=', 1), split_part(k, '=', 2)::integer
				from recruitment.seeker_staging s cross join unnest(string_to_array(s.skills, ';')) k
				where s.job_id = :job and s.row_number between :from and :to and s.skills is not null
				on conflict (person_id, occupation_code) do update set grade_rank = excluded.grade_rank
				where recruitment.seeker_skill.grade_rank <> excluded.grade_rank
				""").param("job", job).param("from", fromRow).param("to", toRow).update();
		return new MergeCounts(changed, staged - changed);
	}
}
