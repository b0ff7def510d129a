package cn.gongjiang.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.PersonName;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Real-name enrolment by file (kind {@code class-trainees}, TRN-3, X-3): a provider or school enrols the trainees of
 * its own open classes, one row per trainee, each row by the rules of one enrolment by form. The class is a column,
 * as in the attendance file, so one file may fill several classes and a job resumed after a restart needs nothing
 * but its file. The rules are checked before anything is merged — per row (class, ID number, name, voucher), then
 * over the whole file in row order (the same trainee twice, places left, overlapping classes) — so the merge meets
 * no refusal and one bad row never rolls back the good ones. A trainee already in the class is unchanged.
 */
@Component
class ClassTraineeImport extends StagedImport {

	static final String CLASS = "班级编号", NAME = "姓名", ID_NUMBER = "身份证号", VOUCHER = "培训券编号";

	private final ClassEnrolments enrolments;
	private final Vouchers vouchers;
	private final PersonRegistry persons;
	private final PersonalDataCipher cipher;
	private final RefusalLog refusals;

	ClassTraineeImport(ClassEnrolments enrolments, Vouchers vouchers, PersonRegistry persons,
			PersonalDataCipher cipher, RefusalLog refusals, JdbcClient jdbc) {
		super("class-trainees", List.of(
				ImportColumn.required(CLASS, "本机构开班中的班级编号（班级页标题中的数字）").alias("班级ID", "班号"),
				ImportColumn.required(NAME, "学员姓名，与身份证一致").alias("学员姓名"),
				ImportColumn.required(ID_NUMBER, "18位居民身份证号，校验位须正确").alias("身份证号码", "公民身份号码"),
				ImportColumn.optional(VOUCHER, "学员用于本班的培训券编号（可不填）").alias("培训券号", "培训券")),
				"training.class_trainee_staging", List.of("class_id", "person_index", "id_number_sealed",
						"id_number_masked", "name", "voucher_id", "replay"), jdbc);
		this.enrolments = enrolments;
		this.vouchers = vouchers;
		this.persons = persons;
		this.cipher = cipher;
		this.refusals = refusals;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.role() == Role.TRAINING_PROVIDER || actor.role() == Role.TECHNICAL_SCHOOL;
	}

	@Override
	public RowChecker checker(Actor actor) {
		var known = new HashMap<Long, Object>();
		var hex = HexFormat.of();
		var rows = rowCheck();
		return row -> rows.check(row, () -> {
			long classId = row.read(CLASS, Long::parseLong);
			var voucherId = row.read(VOUCHER, Long::valueOf);
			// one look-up per class of the file: its own open class, or the rule it breaks
			var found = known.computeIfAbsent(classId, id -> {
				try {
					var c = enrolments.ownOpenClass(actor, id);
					return c.status().equals("OPEN") ? c : new Refusal("training.class.finished", new Object[0]);
				}
				catch (BusinessException e) {
					return new Refusal(e.code(), e.arguments());
				}
			});
			if (found instanceof Refusal refusal) {
				return CheckedRow.rejected(row, CLASS, refusal.code(), refusal.arguments());
			}
			var c = (TrainingClass) found;
			var id = row.read(ID_NUMBER, IdNumber::parse);
			var name = row.get(NAME);
			if (!PersonName.valid(name)) {
				return CheckedRow.rejected(row, NAME, "person.name.invalid");
			}
			var index = cipher.index(id);
			// the name against the registry and a trainee already in the class are asked of the whole file at once
			// (checkStaged); a voucher must be known redeemable here, so its row asks now
			if (voucherId != null) {
				var replay = jdbc.sql("select count(*) from training.enrolment where class_id = :c and person_index = :p")
						.param("c", classId).param("p", index).query(Integer.class).single() > 0;
				if (!replay) {
					BusinessException.about(VOUCHER, () -> vouchers.checkRedeemable(voucherId, index, c));
				}
			}
			return CheckedRow.staged(Arrays.asList(String.valueOf(classId), index.copyText(),
					"\\x" + hex.formatHex(cipher.seal(id.value())), id.masked(), name,
					voucherId == null ? null : voucherId.toString(), "false"));
		});
	}

	/** The rows whose trainee the registry knows by another name, asked a chunk of rows at a time. */
	private Set<Integer> misnamed(UUID job) {
		var misnamed = new HashSet<Integer>();
		var after = 0;
		for (int read = CHUNK; read == CHUNK;) {
			var rows = jdbc.sql("""
					select row_number, person_index, name from training.class_trainee_staging
					where job_id = :job and row_number > :after order by row_number limit :chunk
					""").param("job", job).param("after", after).param("chunk", CHUNK)
					.query((rs, i) -> new PersonRegistry.NamedRow(rs.getInt(1), IdNumberIndex.of(rs.getBytes(2)),
							rs.getString(3))).list();
			misnamed.addAll(persons.namedOtherwise(rows));
			read = rows.size();
			after = rows.isEmpty() ? after : rows.get(rows.size() - 1).row();
		}
		return misnamed;
	}

	private static final int CHUNK = 10_000;

	/** Why every row of a class is refused. */
	private record Refusal(String code, Object[] arguments) {
	}

	/** A staged row as the file-wide rules read it. */
	private record Staged(int row, long classId, String person, String masked, Long voucher, boolean replay) {
	}

	/**
	 * The rules over the whole file, in row order as if each row were enrolled by form one after the other: the same
	 * trainee twice in a class or the same voucher twice (the first row counts), a class already full, a class whose
	 * sessions overlap another the trainee sits — on record or earlier in the file. Refusals for a full class or an
	 * overlap are logged as the form logs them (SUP-3).
	 */
	@Override
	public List<RowError> checkStaged(UUID job) {
		// a trainee already in the class is a replay: unchanged, and not counted again for places or overlaps
		jdbc.sql("""
				update training.class_trainee_staging s set replay = true
				where s.job_id = :job and exists (select 1 from training.enrolment e
				    where e.class_id = s.class_id and e.person_index = s.person_index)
				""").param("job", job).update();
		var misnamed = misnamed(job);
		var rows = jdbc.sql("""
				select row_number, class_id, encode(person_index, 'hex'), id_number_masked, voucher_id, replay
				from training.class_trainee_staging where job_id = :job order by row_number
				""").param("job", job).query((rs, i) -> new Staged(rs.getInt(1), rs.getLong(2), rs.getString(3),
						rs.getString(4), (Long) rs.getObject(5), rs.getBoolean(6))).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		// places taken and capacity of each class of the file, as the form counts them
		var places = new HashMap<Long, int[]>();
		jdbc.sql("""
				select c.id, c.capacity, (select count(*) from training.enrolment e where e.class_id = c.id
				    and e.status <> 'WITHDRAWN') from training.training_class c
				where c.id in (select class_id from training.class_trainee_staging where job_id = :job)
				""").param("job", job).query((rs, i) -> places.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3) }))
				.list();
		// the first class on record each row's trainee sits whose sessions overlap the row's class
		var onRecord = new HashMap<Integer, Long>();
		jdbc.sql("""
				select distinct on (s.row_number) s.row_number, o.class_id
				from training.class_trainee_staging s
				join training.enrolment o on o.person_index = s.person_index and o.status = 'ENROLLED'
				     and o.class_id <> s.class_id
				join training.class_session a on a.class_id = o.class_id
				join training.class_session b on b.class_id = s.class_id and a.starts_at < b.ends_at and b.starts_at < a.ends_at
				where s.job_id = :job and not s.replay
				order by s.row_number, o.class_id
				""").param("job", job).query((rs, i) -> onRecord.put(rs.getInt(1), rs.getLong(2))).list();
		// which classes overlap each other among those the file puts one trainee in: only such pairs are asked, since
		// every pair of a provider's classes was quadratic (10,000 classes a file: 308 s and 2.3 M pairs at province).
		// Grouped, not a self-join: the staging table is rarely analyzed when this runs, and a nested loop over it
		// on a stale estimate was quadratic again.
		var overlapping = new HashSet<String>();
		jdbc.sql("""
				with trainee as (
				    select array_agg(distinct class_id) as classes from training.class_trainee_staging
				    where job_id = :job and not replay group by person_index having count(distinct class_id) > 1),
				pair as (
				    select distinct a.class_id as first, b.class_id as second
				    from trainee t cross join unnest(t.classes) a(class_id) cross join unnest(t.classes) b(class_id)
				    where a.class_id <> b.class_id)
				select p.first, p.second from pair p
				where exists (select 1 from training.class_session x
				              join training.class_session y on y.class_id = p.second
				                   and x.starts_at < y.ends_at and y.starts_at < x.ends_at
				              where x.class_id = p.first)
				""").param("job", job).query((rs, i) -> overlapping.add(rs.getLong(1) + ":" + rs.getLong(2))).list();

		var errors = new ArrayList<RowError>();
		var firstRow = new HashMap<String, Integer>();
		for (var r : rows) {
			if (misnamed.contains(r.row())) {
				errors.add(RowError.of(r.row(), NAME, "training.name-mismatch"));
			}
		}
		var firstVoucher = new HashMap<Long, Integer>();
		var taken = new HashMap<String, Set<Long>>();
		for (var r : rows) {
			if (misnamed.contains(r.row())) {
				continue;
			}
			var key = r.classId() + ":" + r.person();
			var earlier = firstRow.putIfAbsent(key, r.row());
			if (earlier != null) {
				errors.add(RowError.of(r.row(), ID_NUMBER, "duplicate-in-file", earlier));
				continue;
			}
			if (r.replay()) {
				continue;
			}
			if (r.voucher() != null) {
				var voucherRow = firstVoucher.putIfAbsent(r.voucher(), r.row());
				if (voucherRow != null) {
					errors.add(RowError.of(r.row(), VOUCHER, "duplicate-in-file", voucherRow));
					continue;
				}
			}
			var other = onRecord.get(r.row());
			if (other == null) {
				other = taken.getOrDefault(r.person(), Set.of()).stream()
						.filter(c -> overlapping.contains(c + ":" + r.classId())).findFirst().orElse(null);
			}
			if (other != null) {
				refusals.record(r.classId(), "training.overlapping-enrolment", r.masked());
				errors.add(RowError.of(r.row(), ID_NUMBER, "training.overlapping-enrolment", other));
				continue;
			}
			var place = places.get(r.classId());
			if (place[1] >= place[0]) {
				refusals.record(r.classId(), "training.class-full", r.masked());
				errors.add(RowError.of(r.row(), CLASS, "training.class-full", place[0]));
				continue;
			}
			place[1]++;
			taken.computeIfAbsent(r.person(), p -> new HashSet<>()).add(r.classId());
		}
		return errors;
	}

	/**
	 * Enrols the checked rows: those with a voucher by the form's own enrolment, one by one (the voucher is redeemed
	 * with it), the others at once by the same rules ({@link ClassEnrolments#enrolChecked}): the person matched or
	 * created in the registry, the archive entry and the audit record written. Every rule was checked above, so none
	 * refuses here, short of someone enrolling the same trainees by hand in the seconds between: such a row goes to
	 * the form, which refuses it as it would by hand.
	 */
	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var withVoucher = new ArrayList<Object[]>();
		var checked = new ArrayList<ClassEnrolments.Checked>();
		overRows("""
				select class_id, id_number_sealed, name, voucher_id, person_index, id_number_masked
				from training.class_trainee_staging
				where job_id = :job and row_number between :from and :to and not replay order by row_number
				""", job, fromRow, toRow).query((rs, i) -> {
					if (rs.getObject(4) != null) {
						withVoucher.add(new Object[] { rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getLong(4),
								rs.getBytes(5) });
					}
					else {
						checked.add(new ClassEnrolments.Checked(rs.getLong(1), IdNumberIndex.of(rs.getBytes(5)),
								rs.getBytes(2), rs.getString(6), rs.getString(3)));
					}
					return null;
				}).list();
		var staged = staged(job, fromRow, toRow);
		var enrolled = new ClassEnrolments.Counter();
		for (var r : enrolments.enrolChecked(actor, checked, enrolled)) {
			enrolments.enrol(actor, r.classId(), new ClassEnrolment.Request(cipher.open(r.sealed()), r.name(), null));
			enrolled.add(1);
		}
		for (var r : withVoucher) {
			var already = jdbc.sql("select count(*) from training.enrolment where class_id = :c and person_index = :p")
					.param("c", r[0]).param("p", r[4]).query(Integer.class).single() > 0;
			if (!already) {
				enrolments.enrol(actor, (Long) r[0], new ClassEnrolment.Request(cipher.open((byte[]) r[1]), (String) r[2],
						(Long) r[3]));
				enrolled.add(1);
			}
		}
		return new MergeCounts(enrolled.count(), staged - enrolled.count());
	}
}
