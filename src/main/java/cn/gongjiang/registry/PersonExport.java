package cn.gongjiang.registry;

import java.io.IOException;
import java.io.OutputStream;

import org.dhatim.fastexcel.Workbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.security.Actor;

/**
 * The persons in an officer's jurisdiction as xlsx: numbers masked unless the officer holds the unmask
 * permission; every export is audited with its size and whether it was unmasked. Streams, however many rows.
 */
@Service
public class PersonExport {

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final AuditLog audit;

	PersonExport(JdbcClient jdbc, PersonalDataCipher cipher, AuditLog audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public void write(Actor actor, OutputStream out) throws IOException {
		var unmasked = actor.mayUnmask();
		var workbook = new Workbook(out, "Gongjiang", "1.0");
		var sheet = workbook.newWorksheet("人员");
		var header = new String[] { "姓名", "身份证号", "性别", "出生日期", "户籍地区划代码", "常住地区划代码", "手机号", "人员类别",
				"学历", "工作单位统一社会信用代码" };
		for (int c = 0; c < header.length; c++) {
			sheet.value(0, c, header[c]);
			sheet.style(0, c).bold().set();
		}
		var rows = new int[] { 0 };
		try (var stream = RegistryScope.bind(jdbc.sql("select * from registry.person p where " + Persons.VISIBLE
				+ " order by p.id"), actor.scope()).withFetchSize(1000)
				.query((rs, i) -> new Object[] { rs.getString("name"),
						unmasked ? cipher.open(rs.getBytes("id_number_sealed")) : rs.getString("id_number_masked"),
						"M".equals(rs.getString("sex")) ? "男" : "女", String.valueOf(rs.getObject("birth_date")),
						rs.getString("hukou_region"), rs.getString("residence_region"),
						rs.getBytes("mobile_sealed") == null ? null
								: unmasked ? cipher.open(rs.getBytes("mobile_sealed")) : rs.getString("mobile_masked"),
						String.join("；", (String[]) rs.getArray("groups").getArray()), rs.getString("education"),
						rs.getString("employer_credit_code") })
				.stream()) {
			stream.forEach(values -> {
				rows[0]++;
				for (int c = 0; c < values.length; c++) {
					if (values[c] != null) {
						sheet.value(rows[0], c, values[c].toString());
					}
				}
			});
		}
		workbook.finish();
		audit.record(actor, "person.export", null, AuditOutcome.SUCCESS,
				"rows=" + rows[0] + (unmasked ? " unmasked" : " masked"));
	}
}
