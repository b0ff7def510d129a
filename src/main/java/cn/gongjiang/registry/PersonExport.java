package cn.gongjiang.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.catalogue.CodeLists;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.Formats;

/**
 * The persons of an officer's jurisdiction as xlsx, narrowed by the same filter as the list: numbers masked
 * unless the officer holds the unmask permission, every code as its name so the file reads like the page; every
 * export is audited with its size and whether it was unmasked. Streams, however many rows.
 */
@Service
public class PersonExport {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
	private static final Map<String, String> EDUCATION = Map.of("PRIMARY", "小学",
			"JUNIOR_SECONDARY", "初中", "SENIOR_SECONDARY", "高中", "VOCATIONAL_SECONDARY", "中专", "JUNIOR_COLLEGE", "大专",
			"BACHELOR", "本科", "MASTER", "硕士", "DOCTORATE", "博士");

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final PersonRegistry persons;
	private final RegionDirectory regions;
	private final CodeLists codeLists;
	private final AuditLog audit;

	PersonExport(JdbcClient jdbc, PersonalDataCipher cipher, PersonRegistry persons, RegionDirectory regions,
			CodeLists codeLists, AuditLog audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.persons = persons;
		this.regions = regions;
		this.codeLists = codeLists;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public void write(Actor actor, PersonFilter filter, OutputStream out) throws IOException {
		actor.requireRegionalOfficer();
		var unmasked = actor.mayUnmask();
		var workbook = new Workbook(out, "Gongjiang", "1.0");
		var sheet = workbook.newWorksheet("人员");
		var header = new String[] { "姓名", "身份证号", "性别", "出生日期", "户籍地", "常住地", "手机号", "人员类别", "学历",
				"工作单位", "工作单位统一社会信用代码", "月工资区间" };
		for (int c = 0; c < header.length; c++) {
			sheet.value(0, c, header[c]);
			sheet.style(0, c).bold().set();
		}
		var formats = new Formats(CHINESE);
		var regionPath = persons.regionFilter(actor, filter.region());
		var rows = new int[] { 0 };
		var sql = new StringBuilder("""
				select p.*, e.name as employer_name from registry.person p
				left join registry.enterprise e on e.credit_code = p.employer_credit_code where """).append(Persons.VISIBLE);
		var parameters = new HashMap<String, Object>();
		Persons.conditions(filter, regionPath, sql, parameters);
		sql.append(" order by p.id");
		try (var stream = RegistryScope.bind(jdbc.sql(sql.toString()).params(parameters), actor.scope())
				.withFetchSize(1000)
				.query((rs, i) -> new Object[] { rs.getString("name"),
						unmasked ? cipher.open(rs.getBytes("id_number_sealed")) : rs.getString("id_number_masked"),
						"M".equals(rs.getString("sex")) ? "男" : "女", formats.date(rs.getObject("birth_date", LocalDate.class)),
						regions.placeOf(rs.getString("hukou_region")), regions.placeOf(rs.getString("residence_region")),
						rs.getBytes("mobile_sealed") == null ? null
								: unmasked ? cipher.open(rs.getBytes("mobile_sealed")) : rs.getString("mobile_masked"),
						String.join("、", Arrays.stream((String[]) rs.getArray("groups").getArray())
								.map(g -> codeLists.nameOf("person-group", g, CHINESE)).toList()),
						rs.getString("education") == null ? null : EDUCATION.get(rs.getString("education")),
						rs.getString("employer_name"), rs.getString("employer_credit_code"),
						rs.getString("salary_band") == null ? null : SalaryBand.fromCode(rs.getString("salary_band")).nameZh() })
				.stream()) {
			stream.forEach(values -> {
				rows[0]++;
				for (int c = 0; c < values.length; c++) {
					if (values[c] != null) {
						sheet.value(rows[0], c, values[c].toString());
					}
				}
				if (rows[0] % 10_000 == 0) {
					try {
						sheet.flush();
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}
			});
		}
		workbook.finish();
		audit.record(actor, "person.export", null, AuditOutcome.SUCCESS,
				"rows=" + rows[0] + (unmasked ? " unmasked" : " masked"));
	}
}
