package cn.gongjiang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.IntegrationTest;

/** The demo data set reaches every city, and every demo account has something of its own. */
@IntegrationTest
class DemoDataIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void personsEnterprisesProvidersAndCertificatesAreInAllElevenCities() {
		for (var table : new String[] { "registry.person p", "registry.enterprise p", "registry.provider p" }) {
			var column = table.startsWith("registry.person") ? "residence_path" : "region_path";
			var cities = jdbc.sql("select count(distinct split_part(" + column + ", '/', 3)) from " + table)
					.query(Long.class).single();
			assertThat(cities).as(table).isEqualTo(11);
		}
		var certifiedCities = jdbc.sql("""
				select count(distinct split_part(p.residence_path, '/', 3)) from certification.certificate c
				join registry.person p on p.id_number_index = c.holder_index
				""").query(Long.class).single();
		assertThat(certifiedCities).isEqualTo(11);
	}

	@Test
	void theDemoWorkerHasARecordAndCertificates() {
		var certificates = jdbc.sql("""
				select count(*) from certification.certificate c join registry.person p on p.id_number_index = c.holder_index
				where p.id_number_masked = '330602********1238'
				""").query(Long.class).single();
		assertThat(certificates).isGreaterThanOrEqualTo(2);
	}
}
