package cn.gongjiang.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** TGT-3: progress against the elapsed share of the period (序时进度) and the status it gives. */
class ProgressTests {

	static Target year2023(Comparison comparison, Integer value) {
		return new Target(1, "TECH_SCHOOL_ENROLMENT", "330100", "/330000/330100/", null, null, null, PeriodKind.YEAR,
				LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), comparison,
				value == null ? null : BigDecimal.valueOf(value), "浙人社函〔2023〕37号", "附件");
	}

	@Test
	void elapsedShareCountsWholeDaysAndStaysInsideZeroAndOne() {
		var target = year2023(Comparison.EQUAL, 18600);
		assertThat(target.elapsedShare(LocalDate.of(2022, 12, 31))).isZero();
		assertThat(target.elapsedShare(LocalDate.of(2023, 1, 1))).isCloseTo(1 / 365.0, within(1e-9));
		assertThat(target.elapsedShare(LocalDate.of(2023, 7, 2))).isCloseTo(183 / 365.0, within(1e-9));
		assertThat(target.elapsedShare(LocalDate.of(2023, 12, 31))).isEqualTo(1);
		assertThat(target.elapsedShare(LocalDate.of(2024, 3, 1))).isEqualTo(1);
	}

	@Test
	void behindWhenMoreThanFivePointsUnderTheElapsedShareAheadWhenOverDoneWhenReached() {
		var target = year2023(Comparison.EQUAL, 1000);
		var midYear = LocalDate.of(2023, 7, 2); // 50.1 % elapsed
		assertThat(Progress.assess(target, BigDecimal.valueOf(440), "COMPUTED", midYear, 5).status())
				.isEqualTo(ProgressStatus.BEHIND);
		assertThat(Progress.assess(target, BigDecimal.valueOf(460), "COMPUTED", midYear, 5).status())
				.isEqualTo(ProgressStatus.ON_TRACK);
		assertThat(Progress.assess(target, BigDecimal.valueOf(560), "COMPUTED", midYear, 5).status())
				.isEqualTo(ProgressStatus.AHEAD);
		assertThat(Progress.assess(target, BigDecimal.valueOf(1000), "COMPUTED", midYear, 5).status())
				.isEqualTo(ProgressStatus.DONE);
		assertThat(Progress.assess(target, BigDecimal.valueOf(460), "COMPUTED", midYear, 10).status())
				.as("the threshold is configurable").isEqualTo(ProgressStatus.ON_TRACK);
		assertThat(Progress.assess(target, BigDecimal.valueOf(410), "COMPUTED", midYear, 10).status())
				.isEqualTo(ProgressStatus.ON_TRACK);
		assertThat(Progress.assess(target, BigDecimal.valueOf(400), "COMPUTED", midYear, 10).status())
				.isEqualTo(ProgressStatus.BEHIND);
		assertThat(Progress.assess(target, BigDecimal.valueOf(999), "COMPUTED", LocalDate.of(2024, 1, 5), 5).status())
				.as("the period is over and the figure not reached").isEqualTo(ProgressStatus.BEHIND);
		assertThat(Progress.assess(target, BigDecimal.valueOf(250), "COMPUTED", midYear, 5).progress())
				.isEqualTo(0.25);
	}

	@Test
	void moreThanNeedsToBeExceededUnknownStaysUnknownAndNothingReportedIsNotZero() {
		var share = year2023(Comparison.MORE_THAN, 35);
		var end = LocalDate.of(2023, 12, 31);
		assertThat(Progress.assess(share, BigDecimal.valueOf(35), "APPROVED", end, 5).status())
				.isEqualTo(ProgressStatus.BEHIND);
		assertThat(Progress.assess(share, new BigDecimal("35.1"), "APPROVED", end, 5).status())
				.isEqualTo(ProgressStatus.DONE);
		var unknown = Progress.assess(year2023(Comparison.UNKNOWN, null), BigDecimal.TEN, "COMPUTED", end, 5);
		assertThat(unknown.status()).isEqualTo(ProgressStatus.UNKNOWN_TARGET);
		assertThat(unknown.progress()).isNull();
		var silent = Progress.assess(year2023(Comparison.AT_LEAST, 100), null, null, end, 5);
		assertThat(silent.status()).isEqualTo(ProgressStatus.NOT_REPORTED);
		assertThat(silent.actual()).isNull();
	}
}
