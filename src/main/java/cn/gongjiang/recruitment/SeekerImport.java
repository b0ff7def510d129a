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
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.registry.PersonRegistry;
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
class SeekerImport extends StagedImport {

	static final String ID_NUMBER = "身份证号", NAME = "姓名", BASIS = "登记类别", WANTED = "求职意向职业编码",
			WAGE = "期望月薪";
	private static final Map<String, Seeker.Basis> BASES = Map.of("求职登记", Seeker.Basis.REGISTERED, "REGISTERED",
			Seeker.Basis.REGISTERED, "失业登记", Seeker.Basis.UNEMPLOYED, "UNEMPLOYED", Seeker.Basis.UNEMPLOYED);

	private final PersonRegistry persons;
	private final PersonalDataCipher cipher;
	private final CertificateRegister certificates;
	private final OccupationCatalogue occupations;
	private final Clock clock;

	SeekerImport(PersonRegistry persons, PersonalDataCipher cipher, CertificateRegister certificates,
			OccupationCatalogue occupations, JdbcClient jdbc, Clock clock) {
		super("seekers", List.of(ImportColumn.required(ID_NUMBER, "18位，人员库中已登记"), ImportColumn.required(NAME, "与人员库一致"),
				ImportColumn.required(BASIS, "求职登记 或 失业登记"), ImportColumn.optional(WANTED, "职业编码，如 6-18-01-01"),
				ImportColumn.optional(WAGE, "元/月，1000 至 200000")),
				"recruitment.seeker_staging", List.of("person_id", "person_index", "name", "id_number_masked",
						"residence_path", "basis", "wanted_occupation", "expected_wage", "skills"), jdbc);
		this.persons = persons;
		this.cipher = cipher;
		this.certificates = certificates;
		this.occupations = occupations;
		this.clock = clock;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.regionalOfficer();
	}

	@Override
	public RowChecker checker(Actor actor) {
		var rows = rowCheck();
		return row -> rows.check(row, () -> {
			var number = row.read(ID_NUMBER, IdNumber::parse);
			var index = cipher.index(number);
			var profile = persons.profile(index).orElse(null);
			if (profile == null) {
				return CheckedRow.rejected(row, ID_NUMBER, "recruitment.seeker.person-unknown");
			}
			if (!profile.name().equals(row.get(NAME))) {
				return CheckedRow.rejected(row, NAME, "name-mismatch", profile.name());
			}
			var home = profile.residencePath() != null ? profile.residencePath()
					: profile.hukouPath() != null ? profile.hukouPath() : actor.scope().regionPath();
			if (!actor.scope().covers(home)) {
				return CheckedRow.rejected(row, ID_NUMBER, "recruitment.seeker.outside-scope");
			}
			var basis = BASES.get(row.get(BASIS));
			if (basis == null) {
				return CheckedRow.rejected(row, BASIS, "recruitment.seeker.basis.unknown", row.get(BASIS));
			}
			var wanted = row.read(WANTED, w -> OccupationCode.of(w).value());
			if (wanted != null && !occupations.exists(OccupationCode.of(wanted))) {
				return CheckedRow.rejected(row, WANTED, "occupation.not-found", wanted);
			}
			var wage = row.read(WAGE, w -> Integer.valueOf(w.replace(",", "")));
			if (wage != null && (wage < 1000 || wage > 200_000)) {
				return CheckedRow.rejected(row, WAGE, "recruitment.seeker.wage.invalid");
			}
			return CheckedRow.staged(Arrays.asList(String.valueOf(profile.personId()),
					index.copyText(), profile.name(), profile.idNumberMasked(), home,
					basis.name(), wanted, wage == null ? null : wage.toString(), skills(index)));
		});
	}

	/** The seeker's skills, as the staging table carries them: occupation=rank;… */
	private String skills(IdNumberIndex index) {
		var best = Seekers.skills(certificates.forHolderIndex(index));
		return best.isEmpty() ? null
				: best.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
	}

	/** The same person twice in the file: the first row counts. A person already placed is not seeking. */
	@Override
	public List<RowError> checkStaged(UUID job) {
		var errors = new ArrayList<>(duplicatesInFile(job, "person_id", ID_NUMBER));
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
		var staged = staged(job, fromRow, toRow);
		var changed = overRows("""
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
				""", job, fromRow, toRow).param("today", LocalDate.now(clock)).update();
		overRows("""
				insert into recruitment.seeker_skill (person_id, occupation_code, grade_rank)
				select s.person_id, split_part(k, '=', 1), split_part(k, '=', 2)::integer
				from recruitment.seeker_staging s cross join unnest(string_to_array(s.skills, ';')) k
				where s.job_id = :job and s.row_number between :from and :to and s.skills is not null
				on conflict (person_id, occupation_code) do update set grade_rank = excluded.grade_rank
				where recruitment.seeker_skill.grade_rank <> excluded.grade_rank
				""", job, fromRow, toRow).update();
		return new MergeCounts(changed, staged - changed);
	}
}
