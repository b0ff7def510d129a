package cn.gongjiang.subsidy;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.TestNames;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumber;

/**
 * Fresh trainees for subsidy tests: a newly registered person with a completed training in a county's finished class,
 * so that no test shares a person's yearly cap with another.
 */
final class Trainees {

	private static final AtomicInteger SERIAL = new AtomicInteger(1000);

	private Trainees() {
	}

	/** A completed enrolment: its id and the trainee's keyed index (hex). */
	static Object[] completedIn(JdbcClient jdbc, PersonRegistry persons, String county) {
		var path = "/330000/" + county.substring(0, 4) + "00/" + county + "/";
		var classId = jdbc.sql("""
				select id from training.training_class where provider_path = :path and provider_code = 'TEST-PROVIDER'
				""").param("path", path).query(Long.class).optional().orElseGet(() -> jdbc.sql("""
				insert into training.training_class (provider_code, provider_name, provider_path, occupation_code, kind,
				    capacity, status, code_secret)
				values ('TEST-PROVIDER', '测试培训机构', :path, '6-18-01-01', 'ON_JOB', 1000, 'FINISHED', '\\x00')
				returning id
				""").param("path", path).query(Long.class).single());
		var number = IdNumber.parse(IdNumber.withCheckDigit(county + "19900101" + String.valueOf(SERIAL.incrementAndGet() % 1000 + 1000)
				.toString().substring(1)));
		var person = persons.realName(number, TestNames.of("学员", SERIAL.get()), county, "test");
		var enrolment = jdbc.sql("""
				insert into training.enrolment (class_id, person_index, person_id, id_number_sealed, id_number_masked, name,
				    status, result)
				values (:class, :index, :person, '\\x00', :masked, :name, 'COMPLETED', 'PASSED')
				returning id
				""").param("class", classId).param("index", person.idNumberIndex()).param("person", person.personId())
				.param("masked", number.masked()).param("name", TestNames.of("学员", SERIAL.get())).query(Long.class).single();
		return new Object[] { enrolment, person.idNumberIndex() };
	}
}
