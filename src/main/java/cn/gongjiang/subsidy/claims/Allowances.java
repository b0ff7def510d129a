package cn.gongjiang.subsidy.claims;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.subsidy.FundingSource;
import cn.gongjiang.subsidy.decisions.Budgets;
import cn.gongjiang.subsidy.decisions.Decisions;
import cn.gongjiang.subsidy.decisions.Outcome;

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
	private final Decisions decisions;

	Allowances(JdbcClient jdbc, PersonRegistry persons, Clock clock, Budgets budgets, Decisions decisions) {
		this.budgets = budgets;
		this.decisions = decisions;
		this.jdbc = jdbc;
		this.persons = persons;
		this.clock = clock;
	}

	/**
	 * {@code employerPays}: the pack says the employer receives the allowance to pass on; otherwise it is the
	 * worker's (第17条: 政府岗位津贴 to 在岗职工), paid to their own social security card.
	 */
	void schedule(long claimId, LocalDate firstMonth, int months, Money monthly, String employer,
			String fundingSource, boolean employerPays) {
		jdbc.sql("""
				insert into subsidy.allowance_schedule (claim_id, first_month, months, monthly_amount, employer_code,
				    funding_source, payee)
				values (:claim, :first, :months, :monthly, :employer, :source, :payee)
				""").param("claim", claimId).param("first", firstMonth).param("months", months).param("monthly", monthly.json())
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
		var found = jdbc.sql("""
				select s.first_month, s.months, s.accrued_through, s.monthly_amount, s.employer_code, s.funding_source,
				       s.payee, c.person_index, c.person_id, c.person_masked, c.claimant_name, c.claimant_path,
				       c.bank_account_sealed, c.bank_account_masked, c.pack_version, c.steps::text as steps
				from subsidy.allowance_schedule s join subsidy.claim c on c.id = s.claim_id
				where s.claim_id = :id and s.ended_on is null for no key update of s
				""").param("id", claimId).query((rs, i) -> new Schedule(rs.getObject(1, LocalDate.class), rs.getInt(2),
						rs.getObject(3, LocalDate.class), Money.of(rs.getBigDecimal(4)), rs.getString(5),
						Claims.fundingSource(rs.getString(6)), "WORKER".equals(rs.getString(7)),
						IdNumberIndex.ofNullable(rs.getBytes(8)),
						(Long) rs.getObject(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getBytes(13),
						rs.getString(14), rs.getString(15), rs.getString(16)))
				.stream().findFirst();
		if (found.isEmpty()) {
			return 0;
		}
		var s = found.get();
		var first = YearMonth.from(s.firstMonth());
		var last = first.plusMonths(s.months() - 1);
		var through = s.accruedThrough() == null ? first.minusMonths(1) : YearMonth.from(s.accruedThrough());
		var now = YearMonth.from(today);
		var index = s.personIndex();
		var employer = s.employerCode();
		int granted = 0;
		var toWorker = s.toWorker();
		for (var month = through.plusMonths(1); !month.isAfter(now) && !month.isAfter(last); month = month.plusMonths(1)) {
			var profile = persons.profile(index);
			var stillThere = profile.map(p -> employer.equals(p.employerCreditCode())).orElse(false);
			if (!stillThere) {
				end(claimId, today, "subsidy.allowance.left-employer");
				return granted;
			}
			// each month is committed against the budget of its year, as a training subsidy is; it waits when none is left
			var region = RegionPath.of(s.claimantPath()).code().value();
			var budget = new Budgets.Key(region, s.fundingSource(), month.getYear());
			var funded = budgets.commit(budget, s.monthlyAmount());
			var inserted = decisions.insert(new Decisions.New("TECHNICIAN_ALLOWANCE",
					Claims.businessKey("TECHNICIAN_ALLOWANCE", index, employer, month.toString()), null, null, index,
					s.personMasked(), s.personId(), toWorker ? "PERSON" : "ORGANISATION", toWorker ? null : employer,
					toWorker ? profile.get().name() : s.claimantName(), toWorker ? null : s.bankAccountSealed(),
					toWorker ? null : s.bankAccountMasked(), null, null, month.getYear(), month.toString(), region,
					s.claimantPath(), s.fundingSource(), funded ? Outcome.GRANTED : Outcome.WAITING,
					funded ? null : "subsidy.budget-exhausted", s.monthlyAmount(), s.packVersion(), s.steps(), null,
					null, claimId));
			if (!inserted && funded) {
				budgets.release(budget, s.monthlyAmount());
			}
			granted += inserted ? 1 : 0;
			jdbc.sql("update subsidy.allowance_schedule set accrued_through = :m where claim_id = :id")
					.param("m", month.atDay(1)).param("id", claimId).update();
		}
		if (!now.isBefore(last)) {
			end(claimId, today, "subsidy.allowance.completed");
		}
		return granted;
	}

	/** A running schedule and the claim it pays, as one month's decision needs them. */
	private record Schedule(LocalDate firstMonth, int months, LocalDate accruedThrough, Money monthlyAmount,
			String employerCode, FundingSource fundingSource, boolean toWorker, IdNumberIndex personIndex, Long personId,
			String personMasked, String claimantName, String claimantPath, byte[] bankAccountSealed,
			String bankAccountMasked, String packVersion, String steps) {
	}

	private void end(long claimId, LocalDate today, String reason) {
		jdbc.sql("update subsidy.allowance_schedule set ended_on = :today, ended_reason = :reason where claim_id = :id")
				.param("today", today).param("reason", reason).param("id", claimId).update();
	}
}
