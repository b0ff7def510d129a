package cn.gongjiang.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** names as people have them, nothing a spreadsheet would run; cells that would run are defused. */
class PersonNameAndSpreadsheetTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "张明", "欧阳晓峰", "阿依古丽·买买提", "阿依古丽•买买提", "帕丽达・艾力", "John Smith", "Jean-Luc O'Neil",
			"𠀾小明", "Zoë" })
	void realNamesAreAccepted(String name) {
		assertThat(PersonName.valid(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "=cmd|' /C calc'!A0", "+SUM(A1)", "-1", "@SUM(1)", "张明<script>", "张明1", " ", "·张明",
			"张明\t", "李四;DROP" })
	void formulasDigitsAndMarkupAreRefused(String name) {
		assertThat(PersonName.valid(name)).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
			=cmd|' /C calc'!A0  => '=cmd|' /C calc'!A0
			+86 139             => '+86 139
			-5                  => '-5
			@SUM(A1)            => '@SUM(A1)
			张明                => 张明
			6222 0212 3456      => 6222 0212 3456
			""")
	void cellsASpreadsheetWouldRunAreWrittenAsText(String cell, String written) {
		assertThat(SpreadsheetText.cell(cell)).isEqualTo(written);
	}
}
