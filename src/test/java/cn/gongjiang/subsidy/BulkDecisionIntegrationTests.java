package cn.gongjiang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.IntegrationTest;
import cn.gongjiang.TestNames;
import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.registry.RealName;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.Money;
import cn.gongjiang.subsidy.decisions.Budgets;
import cn.gongjiang.subsidy.decisions.CertificateDecider;

/**
 * SUB-3, X-5 (issue 18): the bulk decision in chunks much smaller than a person's certificates, by two workers. A
 * person's certificates are decided in order by one worker whichever chunks they fall in, so the grants of earlier
 * chunks count for later ones (the lifetime repeat, three a year), every certificate gets exactly one decision, and a
 * second run decides nothing.
 */
@IntegrationTest
class BulkDecisionIntegrationTests {

	private static final String COUNTY = "330106";

	@Autowired
	CertificateRegister certificates;

	@Autowired
	CertificateDecider decider;

	@Autowired
	AuditLog audit;

	@Autowired
	Budgets budgets;

	@Autowired
	PersonRegistry persons;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aPersonsCertificatesInManySmallChunksAreDecidedOnceEachWithTheEarlierChunksGrantsCounted() {
		var issued = LocalDate.now(clock).minusDays(3);
		budgets.allocate(new Budgets.Key(COUNTY, FundingSource.SKILLS_ACCOUNT, issued.getYear()), Money.yuan(1_000_000));
		// two trainees, five certificates each, in id order: a repeat of the first, then more than three a year
		var numbers = new ArrayList<String>();
		for (var trainee : List.of(trainee(1), trainee(2))) {
			for (var occupation : List.of("6-18-01-01", "6-18-01-01", "6-18-02-01", "4-10-01-01", "6-31-01-03")) {
				numbers.add(certificate(trainee, occupation, issued));
			}
		}

		var bulk = new BulkDecision(certificates, decider, audit, 2, 2);
		var run = bulk.decideAll(read -> {
		});

		assertThat(run.decided()).isGreaterThanOrEqualTo(numbers.size());
		var outcomes = jdbc.sql("""
				select certificate_number || ' ' || outcome || coalesce(' ' || code, '') from subsidy.decision
				where certificate_number = any(:numbers) order by certificate_id
				""").param("numbers", numbers.toArray(String[]::new)).query(String.class).list();
		var expected = new ArrayList<String>();
		for (int t = 0; t < 2; t++) {
			expected.add(numbers.get(5 * t) + " GRANTED");
			expected.add(numbers.get(5 * t + 1) + " DENIED subsidy.repeat-occupation-grade");
			expected.add(numbers.get(5 * t + 2) + " GRANTED");
			expected.add(numbers.get(5 * t + 3) + " GRANTED");
			expected.add(numbers.get(5 * t + 4) + " DENIED subsidy.cap-per-year");
		}
		assertThat(outcomes).containsExactlyElementsOf(expected);

		var again = bulk.decideAll(read -> {
		});
		assertThat(again.decided()).isZero();
		assertThat(jdbc.sql("select count(*) from subsidy.decision where certificate_number = any(:numbers)")
				.param("numbers", numbers.toArray(String[]::new)).query(Long.class).single()).isEqualTo(numbers.size());
	}

	/** A worker that fails stops the run with its failure, also while the reader waits for room in its queue. */
	@Test
	void aWorkersFailureEndsTheRunInsteadOfLeavingTheReaderWaiting() {
		var issued = LocalDate.now(clock).minusDays(2);
		var trainee = trainee(3);
		for (var occupation : List.of("6-18-01-01", "6-18-02-01", "4-10-01-01", "6-31-01-03", "6-18-01-01")) {
			certificate(trainee, occupation, issued);
		}
		var failing = Mockito.mock(CertificateDecider.class);
		Mockito.when(failing.decide(Mockito.anyList())).thenThrow(new IllegalStateException("decider down"));
		// chunks of one: the failed worker's queue of two fills while undecided certificates remain to be read
		var bulk = new BulkDecision(certificates, failing, audit, 2, 1);

		assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(60), () -> bulk.decideAll(read -> {
		}))).isInstanceOf(IllegalStateException.class).hasMessage("decider down");
	}

	private record Trainee(RealName person, String masked, String name) {
	}

	private Trainee trainee(int n) {
		var serial = System.nanoTime() % 1000;
		var number = IdNumber.parse(IdNumber.withCheckDigit(COUNTY + "19910" + n + "01" + "%03d".formatted(serial)));
		var name = TestNames.of("分块", (int) serial * 10 + n);
		return new Trainee(persons.realName(number, name, COUNTY, "test"), number.masked(), name);
	}

	/**
	 * A certificate of the trainee's own training, completed in a class of its occupation, inserted as an import would
	 * leave it: undecided.
	 */
	private String certificate(Trainee t, String occupation, LocalDate issued) {
		var classId = jdbc.sql("""
				insert into training.training_class (provider_code, provider_name, provider_path, occupation_code, kind,
				    capacity, status, code_secret)
				values ('TEST-BULK', '测试培训机构', :path, :occupation, 'ON_JOB', 1000, 'FINISHED', '\\x00')
				returning id
				""").param("path", "/330000/330100/" + COUNTY + "/").param("occupation", occupation)
				.query(Long.class).single();
		var enrolment = jdbc.sql("""
				insert into training.enrolment (class_id, person_index, person_id, id_number_sealed, id_number_masked, name,
				    status, result)
				values (:class, :index, :person, '\\x00', :masked, :name, 'COMPLETED', 'PASSED')
				returning id
				""").param("class", classId).param("index", t.person().idNumberIndex())
				.param("person", t.person().personId()).param("masked", t.masked()).param("name", t.name())
				.query(Long.class).single();
		var number = "BULK-" + enrolment;
		jdbc.sql("""
				insert into certification.certificate (number, type, holder_index, holder_name, holder_id_masked,
				    occupation_code, grade, issuer, issued_on, source, training_enrolment_id)
				values (:number, 'skill-level', :holder, :name, :masked, :occupation, 'junior', '测试机构', :issued, 'test',
				        :enrolment)
				""").param("number", number).param("holder", t.person().idNumberIndex()).param("name", t.name())
				.param("masked", t.masked()).param("occupation", occupation).param("issued", issued)
				.param("enrolment", enrolment).update();
		return number;
	}
}
