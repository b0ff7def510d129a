package cn.gongjiang.subsidy.claims;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.subsidy.decisions.Budgets;

/**
 * Monthly allowances (技师津贴, SUB-4) on their schedule: each month that has begun is decided while the holder still
 * works for the claimant; a month is one entitlement (person + scheme + month), so two enterprises claiming the same
 * person never both get it. The schedule ends at its last month, or when the holder leaves.
 */
@Component
public class Allowances {

	private final JdbcClient jdbc;
	private final PersonRegistry persons;
	private final Clock clock;
	private final Budgets budgets;

	Allowances(JdbcClient jdbc, PersonRegistry persons, Clock clock, Budgets budgets) {
		this.budgets = budgets;
		this.jdbc = jdbc;
		this.persons = persons;
		this.clock = clock;
	}

	/**
	 * {@code employerPays}: the pack says the employer receives the allowance to pass on; otherwise it is the
	 * worker's (第17条: 政府岗位津贴 to 在岗职工), paid to their own social security card.
	 */
	void schedule(long claimId, LocalDate firstMonth, int months, BigDecimal monthly, String employer,
			String fundingSource, boolean employerPays) {
		jdbc.sql("""
				insert into subsidy.allowance_schedule (claim_id, first_month, months, monthly_amount, employer_code,
				    funding_source, payee)
				values (:claim, :first, :months, :monthly, :employer, :source, :payee)
				""").param("claim", claimId).param("first", firstMonth).param("months", months).param("monthly", monthly)
				.param("employer", employer).param("source", fundingSource)
				.param("payee", employerPays ? "EMPLOYER" : "WORKER").update();
	}

	/** Every running schedule, every night: months that have begun are decided. */
	@Scheduled(cron = "${gongjiang.subsidy.allowance-cron:0 30 1 * * *}")
	@Transactional
	public void accrueAll() {
		var today = LocalDate.now(clock);
		jdbc.sql("select claim_id from subsidy.allowance_schedule where ended_on is null").query(Long.class).list()
				.forEach(id -> accrue(id, today));
	}

	/** Decides the schedule's months up to the one {@code today} falls in; returns how many were granted. */
	@Transactional
	public int accrue(long claimId, LocalDate today) {
		var s = jdbc.sql("""
				select s.*, c.person_index, c.person_id, c.person_masked, c.claimant_name, c.claimant_path, c.bank_account_sealed,
				       c.bank_account_masked,
				       c.pack_version, c.steps::text as steps
				from subsidy.allowance_schedule s join subsidy.claim c on c.id = s.claim_id
				where s.claim_id = :id and s.ended_on is null for no key update of s
				""").param("id", claimId).query().listOfRows().stream().findFirst();
		if (s.isEmpty()) {
			return 0;
		}
		var row = s.get();
		var first = YearMonth.from(((java.sql.Date) row.get("first_month")).toLocalDate());
		var last = first.plusMonths(((Number) row.get("months")).intValue() - 1);
		var through = row.get("accrued_through") == null ? first.minusMonths(1)
				: YearMonth.from(((java.sql.Date) row.get("accrued_through")).toLocalDate());
		var now = YearMonth.from(today);
		var index = (byte[]) row.get("person_index");
		var employer = (String) row.get("employer_code");
		int granted = 0;
		var toWorker = "WORKER".equals(row.get("payee"));
		for (var month = through.plusMonths(1); !month.isAfter(now) && !month.isAfter(last); month = month.plusMonths(1)) {
			var profile = persons.profile(index);
			var stillThere = profile.map(p -> employer.equals(p.employerCreditCode())).orElse(false);
			if (!stillThere) {
				end(claimId, today, "subsidy.allowance.left-employer");
				return granted;
			}
			// each month is committed against the budget of its year, as a training subsidy is; it waits when none is left
			var region = ((String) row.get("claimant_path")).replaceAll(".*/(\\d+)/$", "$1");
			var budget = new Budgets.Key(region, Claims.fundingSource((String) row.get("funding_source")), month.getYear());
			var funded = budgets.commit(budget, (BigDecimal) row.get("monthly_amount"));
			var inserted = jdbc.sql("""
					insert into subsidy.decision (scheme, business_key, holder_index, beneficiary_masked, person_id,
					    beneficiary_kind, beneficiary_code, beneficiary_name, bank_account_sealed, bank_account_masked, year,
					    period, paying_region, paying_path, outcome, code, amount, policy_versions, steps, funding_source,
					    claim_id)
					values ('TECHNICIAN_ALLOWANCE', :key, :holder, :masked, :person, :kind, :code, :name, :account,
					    :accountMasked, :year, :period, :region, :path, :outcome, :waiting, :amount, :pack,
					    cast(:steps as json), :source, :claim)
					on conflict do nothing
					""").param("key", Claims.businessKey("TECHNICIAN_ALLOWANCE", index, employer, month.toString()))
					.param("holder", index).param("masked", row.get("person_masked")).param("person", row.get("person_id"))
					.param("kind", toWorker ? "PERSON" : "ORGANISATION").param("code", toWorker ? null : employer)
					.param("name", toWorker ? profile.get().name() : row.get("claimant_name"))
					.param("account", toWorker ? null : row.get("bank_account_sealed"))
					.param("accountMasked", toWorker ? null : row.get("bank_account_masked"))
					.param("year", month.getYear()).param("period", month.toString())
					.param("region", region).param("outcome", funded ? "GRANTED" : "WAITING")
					.param("waiting", funded ? null : "subsidy.budget-exhausted")
					.param("path", row.get("claimant_path")).param("amount", row.get("monthly_amount"))
					.param("pack", row.get("pack_version")).param("steps", row.get("steps"))
					.param("source", row.get("funding_source")).param("claim", claimId)
					.update();
			if (inserted == 0 && funded) {
				budgets.release(budget, (BigDecimal) row.get("monthly_amount"));
			}
			granted += inserted;
			jdbc.sql("update subsidy.allowance_schedule set accrued_through = :m where claim_id = :id")
					.param("m", month.atDay(1)).param("id", claimId).update();
		}
		if (!now.isBefore(last)) {
			end(claimId, today, "subsidy.allowance.completed");
		}
		return granted;
	}

	private void end(long claimId, LocalDate today, String reason) {
		jdbc.sql("update subsidy.allowance_schedule set ended_on = :today, ended_reason = :reason where claim_id = :id")
				.param("today", today).param("reason", reason).param("id", claimId).update();
	}
}
