package cn.gongjiang.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.security.Actor;

/**
 * Bulk import of certificates (kind {@code certificates}), e.g. the results an evaluation body reports. A number
 * already on record for the same holder is left as it is (a replay); for another holder it is refused.
 */
@Component
class CertificateImport extends StagedImport {

	static final String NUMBER = "证书编号", NAME = "姓名", ID_NUMBER = "身份证号", TYPE = "证书类型", OCCUPATION = "职业编码",
			GRADE = "技能等级", ISSUER = "发证机构", ISSUED_ON = "发证日期";

	private final CertificateRegister register;
	private final PersonalDataCipher cipher;
	private final ApplicationEventPublisher events;
	private final EvaluationFilings filings;
	private final PersonRegistry persons;

	/** Staged rows checked against the registry per round. */
	private static final int CHECK_CHUNK = 10_000;

	CertificateImport(CertificateRegister register, PersonalDataCipher cipher, JdbcClient jdbc,
			ApplicationEventPublisher events, EvaluationFilings filings, PersonRegistry persons) {
		// each column fills the field of CertificateCheck that a problem names
		super("certificates", List.of(ImportColumn.required(NUMBER, "证书编号，6-40位字母、数字或-").field("number"),
				ImportColumn.required(NAME, "持证人姓名").field("holderName"),
				ImportColumn.required(ID_NUMBER, "持证人18位身份证号").field("holderIdNumber"),
				ImportColumn.required(TYPE, "职业资格证书、职业技能等级证书、专项职业能力证书、培训合格证书").field("type"),
				ImportColumn.optional(OCCUPATION, "职业编码，如 6-18-01-01；职业资格、技能等级证书必填").field("occupationCode"),
				ImportColumn.optional(GRADE, "学徒工、初级工、中级工、高级工、技师、高级技师、特级技师、首席技师；职业资格、技能等级证书必填")
						.field("grade"),
				ImportColumn.required(ISSUER, "发证（评价）机构名称").field("issuer"),
				ImportColumn.required(ISSUED_ON, "yyyy-MM-dd").field("issuedOn")),
				"certification.certificate_staging", List.of("number", "type", "holder_index", "holder_name",
						"holder_id_masked", "occupation_code", "grade", "issuer", "issued_on"), jdbc);
		this.persons = persons;
		this.filings = filings;
		this.register = register;
		this.cipher = cipher;
		this.events = events;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return CertificateRegister.mayIssue(actor);
	}

	@Override
	public RowChecker checker(Actor actor) {
		var check = register.check();
		// SUB-3 (issue 19): a provider's or school's file holds only what it was filed to evaluate
		var filed = CertificateRegister.evaluatesItself(actor) ? filings.standing(actor.scope().value()) : null;
		// every problem of a row is reported, so the required cells are the check's own problems, not a first pass
		var rows = rowCheck();
		return row -> {
			LocalDate issuedOn = null;
			var errors = new ArrayList<RowError>();
			var date = row.get(ISSUED_ON);
			if (date != null) {
				try {
					issuedOn = LocalDate.parse(date.replace('/', '-').substring(0, Math.min(10, date.length())));
				}
				catch (RuntimeException e) {
					errors.add(RowError.of(row.number(), ISSUED_ON, "date.format", date));
				}
			}
			var result = check.check(row.get(NUMBER), row.get(ID_NUMBER), row.get(NAME), row.get(TYPE),
					row.get(OCCUPATION), row.get(GRADE), row.get(ISSUER), issuedOn);
			errors.addAll(rows.errors(row, result.problems().stream()
					.filter(p -> !(p.field().equals("issuedOn") && !errors.isEmpty())).toList()));
			if (!errors.isEmpty()) {
				return CheckedRow.rejected(errors);
			}
			var c = result.certificate();
			if (filed != null && CertificateRegister.needsEvaluation(c.type().code()) && filed.stream()
					.noneMatch(f -> f.occupationCode().equals(c.occupation()) && f.covers(c.issuedOn()))) {
				return CheckedRow.rejected(List.of(RowError.of(row.number(), OCCUPATION, "certificate.evaluator.not-filed",
						c.occupation())));
			}
			return CheckedRow.staged(Arrays.asList(c.number(), c.type().code(),
					cipher.index(c.holder()).copyText(), c.name(), c.holder().masked(),
					c.occupation(), c.grade() == null ? null : c.grade().code(), c.issuer(), c.issuedOn().toString()));
		};
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		var errors = new ArrayList<RowError>();
		errors.addAll(duplicatesInFile(job, "number", NUMBER));
		// a name the registry knows otherwise: asked of the registry a chunk of staged rows at a time
		for (int after = 0, read = CHECK_CHUNK; read == CHECK_CHUNK;) {
			var rows = jdbc.sql("""
					select row_number, holder_index, holder_name from certification.certificate_staging
					where job_id = :job and row_number > :after order by row_number limit :chunk
					""").param("job", job).param("after", after).param("chunk", CHECK_CHUNK)
					.query((rs, i) -> new PersonRegistry.NamedRow(rs.getInt(1),
							IdNumberIndex.of(rs.getBytes(2)), rs.getString(3))).list();
			persons.namedOtherwise(rows).forEach(row -> errors.add(RowError.of(row, NAME, "name-mismatch")));
			read = rows.size();
			after = rows.isEmpty() ? after : rows.get(rows.size() - 1).row();
		}
		errors.addAll(jdbc.sql("""
				select s.row_number from certification.certificate_staging s
				join certification.certificate c on c.number = s.number
				where s.job_id = :job and c.holder_index <> s.holder_index
				""").param("job", job)
				.query((rs, i) -> RowError.of(rs.getInt(1), NUMBER, "certificate.number.taken")).list());
		return errors;
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = staged(job, fromRow, toRow);
		var created = overRows("""
				insert into certification.certificate (number, type, holder_index, holder_name, holder_id_masked,
				    occupation_code, grade, issuer, issued_on, source, evaluation_filing_id)
				select s.number, s.type, s.holder_index, s.holder_name, s.holder_id_masked, s.occupation_code, s.grade,
				    s.issuer, s.issued_on, 'import:' || :job,
				    (select f.id from certification.evaluation_filing f
				     where f.evaluator_code = cast(:evaluator as text) and f.occupation_code = s.occupation_code
				       and s.type <> 'training-completion' and f.withdrawn_at is null and s.issued_on >= f.valid_from
				       and (f.valid_until is null or s.issued_on <= f.valid_until))
				from certification.certificate_staging s
				where s.job_id = :job and s.row_number between :from and :to
				on conflict (number) do nothing
				returning id, number, holder_index, type, occupation_code, grade, issued_on, issuer
				""", job, fromRow, toRow)
				.param("evaluator", CertificateRegister.evaluatesItself(actor) ? actor.scope().value() : null)
				.query((rs, i) -> new CertificateIssued(rs.getLong("id"), rs.getString("number"),
						IdNumberIndex.of(rs.getBytes("holder_index")), rs.getString("type"), rs.getString("occupation_code"),
						rs.getString("grade"), rs.getObject("issued_on", LocalDate.class), rs.getString("issuer"), null))
				.list();
		for (int from = 0; from < created.size(); from += CertificatesIssued.CHUNK) {
			events.publishEvent(new CertificatesIssued(created.subList(from,
					Math.min(created.size(), from + CertificatesIssued.CHUNK))));
		}
		return new MergeCounts(created.size(), staged - created.size());
	}
}
