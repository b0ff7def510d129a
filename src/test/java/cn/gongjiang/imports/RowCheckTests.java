package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.access.AccessDeniedException;

import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.Violation;

/**
 * Issue 17, X-3: every kind checks a row the same way: the required cells, then its rules, whose refusals become the
 * row's errors in the column the user sees, the rule's code under {@code import.}.
 */
class RowCheckTests {

	static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("统一社会信用代码", "").field("enterpriseCode"),
			ImportColumn.required("需求人数", "").field("headcount"), ImportColumn.optional("身份证号", ""));
	static final RowCheck CHECK = RowCheck.of(COLUMNS).scopeIn("统一社会信用代码");

	static ImportRow row(String headcount) {
		return new ImportRow(5, Map.of("统一社会信用代码", "91330603MA2D12345A", "需求人数", headcount, "身份证号",
				"33010219850101123X"));
	}

	@Test
	void aRefusalNamingAFieldOfTheFormIsReportedInTheColumnThatFillsIt() {
		var checked = CHECK.check(row("0"), () -> {
			throw InvalidValueException.of("headcount", "training.demand.headcount", 0);
		});
		assertThat(checked.accepted()).isFalse();
		assertThat(checked.errors())
				.containsExactly(new RowError(5, Violation.of("需求人数", "import.training.demand.headcount", "0")));
		// a rule about no column, or about a field no column fills, is the row's
		assertThat(CHECK.check(row("3"), () -> {
			throw InvalidValueException.of("source", "training.demand.source", "X");
		}).errors()).extracting(e -> e.violation().field()).containsOnlyNulls();
	}

	/** Rules that read the headcount as a number. */
	static CheckedRow headcount(ImportRow row) {
		Integer headcount = row.read("需求人数", Integer::valueOf);
		return CheckedRow.staged(List.of(headcount.toString()));
	}

	@Test
	void aCellThatCannotBeReadIsAFormatErrorOfItsColumnAndItsParsersRefusalIsAboutIt() {
		assertThat(CHECK.check(row("六"), () -> headcount(row("六"))).errors())
				.containsExactly(new RowError(5, Violation.of("需求人数", "import.value.format")));
		assertThat(CHECK.formatErrorsAs("analytics.value.format").check(row("六"), () -> headcount(row("六"))).errors())
				.extracting(e -> e.violation().code()).containsExactly("import.analytics.value.format");
		assertThat(CHECK.check(row("3"), () -> headcount(row("3"))).staged()).containsExactly("3");
		assertThat(CHECK.check(row("3"), () -> CheckedRow.staged(List.of(row("3").read("身份证号", IdNumber::parse)
				.value()))).errors()).containsExactly(new RowError(5, Violation.of("身份证号", "import.id-number.check-digit")));
	}

	@Test
	void aRowOutsideTheJurisdictionIsReportedInTheScopeColumnWithItsCell() {
		assertThat(CHECK.check(row("3"), () -> {
			throw new AccessDeniedException("not this enterprise's");
		}).errors()).containsExactly(
				new RowError(5, Violation.of("统一社会信用代码", "import.scope.outside", "91330603MA2D12345A")));
	}

	@Test
	void requiredCellsComeFirstAndAFaultOfTheDatabaseIsTheJobsNotTheRows() {
		var empty = new ImportRow(6, Map.of("统一社会信用代码", " "));
		assertThat(CHECK.check(empty, () -> {
			throw new IllegalStateException("the rules do not run on a row missing required cells");
		}).errors()).containsExactly(new RowError(6, Violation.of("统一社会信用代码", "import.required")),
				new RowError(6, Violation.of("需求人数", "import.required")));
		assertThatThrownBy(() -> CHECK.check(row("3"), () -> {
			throw new DataAccessResourceFailureException("connection lost");
		})).isInstanceOf(DataAccessResourceFailureException.class);
	}
}
