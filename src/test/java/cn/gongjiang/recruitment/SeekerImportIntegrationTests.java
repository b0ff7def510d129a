package cn.gongjiang.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.IdNumber;

/**
 * REC-2: job seekers by file (kind seekers): the registry's persons of the officer's region become seekers with the
 * skills their certificates attest; every bad row is named with its column and rule, the good rows land, and the same
 * file again changes nothing.
 */
@IntegrationTest
class SeekerImportIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Test
	void officersRegisterJobSeekersByFileAndEveryBadRowIsNamed() throws Exception {
		var newcomer = IdNumber.withCheckDigit("33060319900303771");
		var persons = imports.run("keqiao", "persons", "seeker-persons.csv",
				("姓名,身份证号,常住地区划代码\n钱求职," + newcomer + ",330603\n").getBytes(StandardCharsets.UTF_8));
		assertThat(persons).containsEntry("acceptedRows", 1);
		// a demo person of 柯桥区 holding a certificate, and one of Hangzhou
		var certified = person("""
				select p.id_number_sealed, p.name from registry.person p where p.residence_path like '/330000/330600/330603/%'
				  and exists (select 1 from certification.certificate c where c.holder_index = p.id_number_index
				      and c.status = 'VALID' and c.occupation_code is not null)
				  and not exists (select 1 from recruitment.seeker s where s.person_id = p.id)
				order by p.id limit 1""");
		var hangzhou = person("""
				select p.id_number_sealed, p.name from registry.person p where p.residence_path like '/330000/330100/%'
				order by p.id limit 1""");
		var unknown = IdNumber.withCheckDigit("33060319900404882");
		var file = String.join("\n", "身份证号,姓名,登记类别,求职意向职业编码,期望月薪",
				newcomer + ",钱求职,求职登记,6-18-01-01,7500",
				certified[0] + "," + certified[1] + ",失业登记,,",
				unknown + ",无此人,求职登记,,",
				certified[0] + ",别的名字,求职登记,,",
				newcomer + ",钱求职,无业,,",
				newcomer + ",钱求职,求职登记,,",
				hangzhou[0] + "," + hangzhou[1] + ",求职登记,,",
				newcomer + ",钱求职,求职登记,,500",
				newcomer + ",钱求职,求职登记,9-99-99-99,") + "\n";
		// the employment service's export is in GBK
		var bytes = file.getBytes(Charset.forName("GBK"));
		var job = imports.run("keqiao", "seekers", "求职登记.csv", bytes);
		assertThat(job).containsEntry("status", "DONE").containsEntry("acceptedRows", 2).containsEntry("rejectedRows", 7);
		assertThat(imports.errors("keqiao", job)).containsExactlyInAnyOrder(
				"4|身份证号|import.recruitment.seeker.person-unknown",
				"5|姓名|import.name-mismatch",
				"6|登记类别|import.recruitment.seeker.basis.unknown",
				"7|身份证号|import.duplicate-in-file",
				"8|身份证号|import.recruitment.seeker.outside-scope",
				"9|期望月薪|import.recruitment.seeker.wage.invalid",
				"10|求职意向职业编码|import.occupation.not-found");
		var index = cipher.index(newcomer);
		assertThat(jdbc.sql("select basis || ' ' || wanted_occupation || ' ' || expected_wage || ' ' || status "
				+ "from recruitment.seeker where person_index = :i").param("i", index).query(String.class).single())
				.isEqualTo("REGISTERED 6-18-01-01 7500 SEEKING");
		var certifiedIndex = cipher.index((String) certified[0]);
		assertThat(jdbc.sql("select basis from recruitment.seeker where person_index = :i").param("i", certifiedIndex)
				.query(String.class).single()).isEqualTo("UNEMPLOYED");
		assertThat(jdbc.sql("""
				select count(*) from recruitment.seeker_skill k join recruitment.seeker s on s.person_id = k.person_id
				where s.person_index = :i""").param("i", certifiedIndex).query(Long.class).single()).isPositive();

		// the same file again: nothing changes
		var version = jdbc.sql("select sum(version) from recruitment.seeker").query(Long.class).single();
		var again = imports.run("keqiao", "seekers", "求职登记-再次.csv", bytes);
		assertThat(again).containsEntry("acceptedRows", 0).containsEntry("unchangedRows", 2).containsEntry("rejectedRows", 7);
		assertThat(jdbc.sql("select sum(version) from recruitment.seeker").query(Long.class).single()).isEqualTo(version);

		// REC-2, X-5 (issue 18): a certificate imported later (a chunk of a file, one event) becomes the seeker's skill
		var certificates = imports.run("shaoxing", "certificates", "seeker-certificates.csv", ("证书编号,姓名,身份证号,证书类型,"
				+ "职业编码,技能等级,发证机构,发证日期\nQZ2026000001,钱求职," + newcomer + ",职业技能等级证书,4-10-01-03,高级工,"
				+ "绍兴市职业技能鉴定中心,2026-05-20\n").getBytes(StandardCharsets.UTF_8));
		assertThat(certificates).containsEntry("acceptedRows", 1);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				select count(*) from recruitment.seeker_skill k join recruitment.seeker s on s.person_id = k.person_id
				where s.person_index = :i and k.occupation_code = '4-10-01-03'""").param("i", index)
				.query(Long.class).single() == 1);
	}

	private Object[] person(String sql) {
		return jdbc.sql(sql).query((rs, i) -> new Object[] { cipher.open(rs.getBytes(1)), rs.getString(2) }).single();
	}
}
