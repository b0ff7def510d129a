package cn.gongjiang.imports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gongjiang.IntegrationTest;

/** A kind whose module forgot its name still reads as words, never as a message key. */
@IntegrationTest
class ImportKindsIntegrationTests {

	@Autowired
	ImportKinds kinds;

	@Test
	void aKindWithoutANameReadsAsOtherData() {
		assertThat(kinds.name("no-such-kind", Locale.SIMPLIFIED_CHINESE)).isEqualTo("其他数据（no-such-kind）");
		assertThat(kinds.name("no-such-kind", Locale.ENGLISH)).isEqualTo("Other data (no-such-kind)");
		assertThat(kinds.kind("payment-statement", Locale.SIMPLIFIED_CHINESE).name()).isEqualTo("银行发放回单");
	}

	@Test
	void filesAreNamedAfterTheKindOrTheUpload() {
		assertThat(kinds.templateFile("attendance", ".xlsx", Locale.SIMPLIFIED_CHINESE)).isEqualTo("培训出勤导入模板.xlsx");
		assertThat(kinds.errorReportFile("2026年人员.csv", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年人员-错误报告.xlsx");
		assertThat(kinds.errorReportFile("名单.v2.xlsx", Locale.ENGLISH)).isEqualTo("名单.v2-errors.xlsx");
	}
}
