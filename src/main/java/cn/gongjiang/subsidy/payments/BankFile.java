package cn.gongjiang.subsidy.payments;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.SpreadsheetText;
import cn.gongjiang.shared.security.Actor;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * The file the bank pays from: one row per line of the batch, in line order, with the reference the bank's statement
 * must echo. Persons are paid to their social security card (社保卡), which the bank finds by the full ID number;
 * organisations to the account they gave with their claim.
 */
@Component
public class BankFile {

	public enum Format { CSV, CSV_GBK, XLSX }

	static final List<String> HEADER = List.of("明细编号", "收款人类别", "收款人名称", "证件号码/统一社会信用代码", "收款账户",
			"金额（元）", "用途");

	public static final Map<String, String> SCHEMES = Map.ofEntries(Map.entry("TRAINING", "职业技能培训补贴"),
			Map.entry("DIRECTED_TRAINING", "企业定向培养补贴"), Map.entry("APPRENTICESHIP", "企业新型学徒制培训补贴"),
			Map.entry("TECHNICIAN_ALLOWANCE", "高技能人才岗位津贴"), Map.entry("PROJECT_HIRE", "重大项目技能人才招引补贴"),
			Map.entry("PARTNER_SCHOOL", "合作办学实习补助"), Map.entry("PARTNER_RETENTION", "毕业留绍培养补助"),
			Map.entry("TRAINING_BASE", "市级公共实训基地经费"), Map.entry("OVERSEAS_TRAINING", "国（境）外培训经费"),
			Map.entry("STUDY_TOUR", "高技能人才研修经费"));

	private final JdbcClient jdbc;
	private final PersonRegistry persons;
	private final BankAccounts accounts;

	BankFile(JdbcClient jdbc, PersonRegistry persons, BankAccounts accounts) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.accounts = accounts;
	}

	/** One line of a bank file: its amount and whom it pays (a person by the registry, else an organisation). */
	private record Line(long id, Money amount, String scheme, boolean person, Long personId, String beneficiaryCode,
			String beneficiaryName, byte[] bankAccountSealed, String certificateNumber, Long claimId, String period) {
	}

	/** Writes the batch's file and returns its SHA-256. */
	String write(Actor actor, long batchId, Format format, OutputStream target) throws IOException {
		var lines = jdbc.sql("""
				select l.id, l.amount, d.scheme, d.beneficiary_kind, d.person_id, d.beneficiary_code, d.beneficiary_name,
				       d.bank_account_sealed, d.certificate_number, d.claim_id, d.period
				from subsidy.payment_line l join subsidy.decision d on d.id = l.decision_id
				where l.batch_id = :id and l.status <> 'FAILED' order by l.id
				""").param("id", batchId).query((rs, i) -> new Line(rs.getLong(1), Money.of(rs.getBigDecimal(2)),
						rs.getString(3), "PERSON".equals(rs.getString(4)), (Long) rs.getObject(5), rs.getString(6),
						rs.getString(7), rs.getBytes(8), rs.getString(9), (Long) rs.getObject(10), rs.getString(11)))
				.list();
		// a person is paid to the social security card the registry knows them by: a line for someone it does not
		// know cannot be written, and says which it is rather than failing the file blind
		for (var l : lines) {
			if (l.person() && l.personId() == null) {
				throw new ConflictException("subsidy.batch.payee-unknown",
						PaymentLine.reference(batchId, l.id()));
			}
		}
		var personIds = lines.stream().filter(Line::person).map(Line::personId).distinct().toList();
		var payees = persons.payees(actor, personIds, "batch:" + batchId);
		var rows = new ArrayList<List<Object>>();
		for (var l : lines) {
			var person = l.person();
			var payee = person ? payees.get(l.personId()) : null;
			var purpose = SCHEMES.getOrDefault(l.scheme(), l.scheme())
					+ (l.certificateNumber() != null ? " 证书" + l.certificateNumber() : "")
					+ (l.claimId() != null ? " 申请" + l.claimId() : "")
					+ (l.period() != null ? " " + l.period() : "");
			rows.add(List.of(PaymentLine.reference(batchId, l.id()), person ? "个人" : "单位",
					person ? payee.name() : l.beneficiaryName(),
					person ? payee.idNumber() : l.beneficiaryCode(),
					person ? "社会保障卡" : accounts.open(l.bankAccountSealed()), l.amount().json(), purpose));
		}
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		var out = new DigestOutputStream(target, sha);
		switch (format) {
			case XLSX -> xlsx(batchId, rows, out);
			case CSV -> csv(rows, out, StandardCharsets.UTF_8, true);
			case CSV_GBK -> csv(rows, out, Charset.forName("GB18030"), false);
		}
		out.flush();
		return HexFormat.of().formatHex(sha.digest());
	}

	private static void csv(List<List<Object>> rows, OutputStream out, Charset charset, boolean bom) throws IOException {
		if (bom) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		}
		var writer = new OutputStreamWriter(out, charset);
		var csv = CsvWriter.builder().build(writer);
		csv.writeRecord(HEADER);
		for (var row : rows) {
			csv.writeRecord(row.stream()
					.map(v -> v instanceof BigDecimal b ? b.toPlainString() : SpreadsheetText.cell(String.valueOf(v)))
					.toList());
		}
		csv.flush();
		writer.flush();
	}

	private static void xlsx(long batchId, List<List<Object>> rows, OutputStream out) throws IOException {
		var workbook = new Workbook(out, "Gongjiang", "1.0");
		var sheet = workbook.newWorksheet("批次" + batchId);
		for (int c = 0; c < HEADER.size(); c++) {
			sheet.value(0, c, HEADER.get(c));
			sheet.style(0, c).bold().set();
		}
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				var v = rows.get(r).get(c);
				if (v instanceof BigDecimal b) {
					sheet.value(r + 1, c, b);
				}
				else {
					// ID numbers and accounts as text, never as numbers Excel would round
					sheet.value(r + 1, c, String.valueOf(v));
				}
			}
		}
		workbook.finish();
	}
}
