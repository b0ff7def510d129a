package cn.gongjiang.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.Imports;
import cn.gongjiang.IntegrationTest;
import cn.gongjiang.shared.CreditCode;

/** X-3 with REG-2, REG-3: enterprises and providers from files, keyed by credit code. */
@IntegrationTest
class OrganisationImportIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void enterprisesAreImportedByCreditCodeWithBadRowsNamed() throws Exception {
		var csv = """
				统一社会信用代码,单位名称,所在县级区划代码,产业领域,企业规模,重点企业,重点企业认定理由
				91330602MA2D00001X,绍兴甲纺织有限公司,330602,sx-new-materials,LARGE,是,集群链主
				91330602MA2D00001Y,绍兴乙纺织有限公司,330602,,SMALL,否,
				91330602MA2D00001X,绍兴甲纺织有限公司（重复）,330602,,,,
				91330602MA2D00002P,绍兴丙机械有限公司,330602,,HUGE,,
				91330602MA2D00003M,杭州丁有限公司,330106,,,,
				""";
		csv = csv.replace("91330602MA2D00001X", code("91330602MA2D00001")).replace("91330602MA2D00002P",
				code("91330602MA2D00002")).replace("91330602MA2D00003M", code("91330602MA2D00003"));
		var job = imports.run("shaoxing", "enterprises", "e.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("status", "DONE").containsEntry("acceptedRows", 1).containsEntry("rejectedRows", 4);
		assertThat(imports.errors("shaoxing", job)).containsExactly(
				"3|统一社会信用代码|import.credit-code.check-character",
				"4|统一社会信用代码|import.duplicate-in-file",
				"5|企业规模|import.enterprise.size.unknown",
				"6|所在县级区划代码|import.scope.outside");
		assertThat(jdbc.sql("select key_reason from registry.enterprise where credit_code = :c")
				.param("c", code("91330602MA2D00001")).query(String.class).single()).isEqualTo("集群链主");
		var again = imports.run("shaoxing", "enterprises", "e.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again).containsEntry("acceptedRows", 0).containsEntry("unchangedRows", 1);
	}

	@Test
	void providersCarryKindStarRatingAndStatus() throws Exception {
		var csv = """
				统一社会信用代码,单位名称,所在县级区划代码,机构类型,星级,星级评定年份,状态,状态原因,状态日期
				%s,诸暨市甲职业技能培训学校,330681,PRIVATE_INSTITUTION,5,2025,ACTIVE,,
				%s,诸暨市乙培训中心,330681,PRIVATE_INSTITUTION,,,EXITED,年检不合格,2026-03-01
				%s,诸暨市丙培训中心,330681,SPACESHIP,,,,,
				""".formatted(code("52330681MJ0000001"), code("52330681MJ0000002"), code("52330681MJ0000003"));
		var job = imports.run("shaoxing", "providers", "p.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("acceptedRows", 2).containsEntry("rejectedRows", 1);
		assertThat(imports.errors("shaoxing", job)).containsExactly("4|机构类型|import.provider.kind.unknown");
		assertThat(jdbc.sql("select status || ':' || status_reason from registry.provider where credit_code = :c")
				.param("c", code("52330681MJ0000002")).query(String.class).single()).isEqualTo("EXITED:年检不合格");
	}

	/** Issue 17: each refused row in the column of the field the registry's own check names, as the API does. */
	@Test
	void eachRefusedOrganisationNamesTheColumnOfTheFieldTheRegistryRefused() throws Exception {
		var enterprises = """
				统一社会信用代码,单位名称,所在县级区划代码,产业领域,重点企业,重点企业认定理由,技能型企业状态,技能型企业认定年份
				%s,%s,330602,,,,,
				%s,绍兴戊有限公司,330602,宇宙产业,,,,
				%s,绍兴己有限公司,330602,,是,,,
				%s,绍兴庚有限公司,330602,,,,MAYBE,
				%s,绍兴辛有限公司,330602,,,,,2024
				%s,绍兴壬有限公司,330602,,,,RECOGNISED,明年
				""".formatted(code("91330602MA2D00011"), "长".repeat(101), code("91330602MA2D00012"),
				code("91330602MA2D00013"), code("91330602MA2D00014"), code("91330602MA2D00015"),
				code("91330602MA2D00016"));
		var job = imports.run("shaoxing", "enterprises", "e.csv", enterprises.getBytes(StandardCharsets.UTF_8));
		assertThat(job).containsEntry("acceptedRows", 0).containsEntry("rejectedRows", 6);
		assertThat(imports.errors("shaoxing", job)).containsExactly(
				"2|单位名称|import.organisation.name.required",
				"3|产业领域|import.enterprise.industry-field.unknown",
				"4|重点企业认定理由|import.enterprise.key-reason.required",
				"5|技能型企业状态|import.enterprise.skill-based.unknown",
				"6|技能型企业状态|import.enterprise.skill-based.year",
				"7|技能型企业认定年份|import.value.format");
		var providers = """
				统一社会信用代码,单位名称,所在县级区划代码,机构类型,许可证有效期至,星级,星级评定年份,状态,状态原因,状态日期
				%s,诸暨市丁培训中心,330681,PRIVATE_INSTITUTION,,7,2025,,,
				%s,诸暨市戊培训中心,330681,PRIVATE_INSTITUTION,,,,RETIRED,,
				%s,诸暨市己培训中心,330681,PRIVATE_INSTITUTION,,,,EXITED,,
				%s,诸暨市庚培训中心,330681,PRIVATE_INSTITUTION,明年,,,,,
				""".formatted(code("52330681MJ0000011"), code("52330681MJ0000012"), code("52330681MJ0000013"),
				code("52330681MJ0000014"));
		var second = imports.run("shaoxing", "providers", "p.csv", providers.getBytes(StandardCharsets.UTF_8));
		assertThat(imports.errors("shaoxing", second)).containsExactly(
				"2|星级|import.provider.star-rating",
				"3|状态|import.provider.status.unknown",
				"4|状态|import.provider.status.reason-required",
				"5|许可证有效期至|import.value.format");
	}

	static String code(String seventeen) {
		return CreditCode.withCheckCharacter(seventeen);
	}
}
