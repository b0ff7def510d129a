package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.ImportHandler;
import cn.gongjiang.imports.ImportRow;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.security.Actor;

/**
 * Bulk import of enterprises and providers (kinds {@code enterprises}, {@code providers}): each row checked like a
 * registration through the API, keyed by credit code, merged with the same idempotent upsert.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationImports {

	static final String CREDIT = "统一社会信用代码", NAME = "单位名称", REGION = "所在县级区划代码";

	@Bean
	ImportHandler enterpriseImport(OrganisationRegistry registry, PersonRegistry persons, JdbcClient jdbc,
			ApplicationEventPublisher events) {
		var columns = List.of(ImportColumn.required(CREDIT, "18位统一社会信用代码").field("creditCode"),
				ImportColumn.required(NAME, "企业名称").field("name"), ImportColumn.required(REGION, "企业所在县级区划代码（6位）"),
				ImportColumn.optional("产业领域", "产业领域名称，如 先进制造业(415X集群)、数字经济、高端装备").field("industryField"),
				ImportColumn.optional("产业集群", "所属415X集群名称"),
				ImportColumn.optional("企业规模", RegistryCodes.listed(RegistryCodes.SIZES)).field("size"),
				ImportColumn.optional("重点企业", "是/否"), ImportColumn.optional("重点企业认定理由", "重点企业必填").field("keyReason"),
				ImportColumn.optional("技能型企业状态", RegistryCodes.listed(RegistryCodes.SKILL_BASED))
						.field("skillBasedStatus"),
				ImportColumn.optional("技能型企业认定年份", "已认定时必填"),
				ImportColumn.optional("新八级试点", "是/否"));
		var staging = List.of("credit_code", "name", "region", "region_path", "industry_field", "cluster", "size",
				"key_enterprise", "key_reason", "skill_based_status", "skill_based_year", "eight_grade_pilot");
		return new OrganisationImport("enterprises", columns, "registry.enterprise_staging", staging, jdbc, persons,
				(job, from, to) -> events.publishEvent(new EnterprisesChanged(jdbc.sql("""
						select e.credit_code, e.region_path, e.skill_based_status, e.skill_based_year, e.key_enterprise
						from registry.enterprise_staging s join registry.enterprise e on e.credit_code = s.credit_code
						where s.job_id = :job and s.row_number between :from and :to
						""").param("job", job).param("from", from).param("to", to)
						.query(EnterprisesChanged.State.class).list())),
				() -> {
					var fields = registry.industryFields();
					var fieldsByName = registry.industryFieldsByName();
					return row -> {
						var e = registry.checkEnterprise(new EnterpriseRegistration(row.get(CREDIT), row.get(NAME),
								row.get(REGION), RegistryCodes.code(fieldsByName, row.get("产业领域")), row.get("产业集群"),
								RegistryCodes.code(RegistryCodes.SIZES, row.get("企业规模")), yes(row.get("重点企业")),
								row.get("重点企业认定理由"), RegistryCodes.code(RegistryCodes.SKILL_BASED, row.get("技能型企业状态")),
								row.read("技能型企业认定年份", OrganisationImports::integer), yes(row.get("新八级试点"))), fields);
						return Arrays.asList(e.creditCode(), e.name(), e.region(), null, e.industryField(), e.cluster(),
								e.size(), String.valueOf(e.keyEnterprise()), e.keyReason(), e.skillBasedStatus(),
								e.skillBasedYear() == null ? null : e.skillBasedYear().toString(),
								String.valueOf(e.eightGradePilot()));
					};
				}, """
				insert into registry.enterprise as t (credit_code, name, region, region_path, industry_field, cluster,
				    size, key_enterprise, key_reason, skill_based_status, skill_based_year, eight_grade_pilot)
				select credit_code, name, region, region_path, industry_field, cluster, size, key_enterprise,
				    key_reason, skill_based_status, skill_based_year, eight_grade_pilot
				from registry.enterprise_staging where job_id = :job and row_number between :from and :to
				""" + Organisations.ENTERPRISE_CONFLICT + """
				returning 1
				""");
	}

	@Bean
	ImportHandler providerImport(OrganisationRegistry registry, PersonRegistry persons, JdbcClient jdbc) {
		var columns = List.of(ImportColumn.required(CREDIT, "18位统一社会信用代码").field("creditCode"),
				ImportColumn.required(NAME, "机构名称").field("name"), ImportColumn.required(REGION, "机构所在县级区划代码（6位）"),
				ImportColumn.required("机构类型", RegistryCodes.listed(RegistryCodes.PROVIDER_KINDS)).field("kind"),
				ImportColumn.optional("办学许可证号", ""), ImportColumn.optional("许可证有效期至", "yyyy-MM-dd"),
				ImportColumn.optional("星级", "1-5").field("starRating"), ImportColumn.optional("星级评定年份", "有星级时必填"),
				ImportColumn.optional("状态", RegistryCodes.listed(RegistryCodes.PROVIDER_STATUSES)).field("status"),
				ImportColumn.optional("状态原因", "暂停或退出时必填"), ImportColumn.optional("状态日期", "yyyy-MM-dd"));
		var staging = List.of("credit_code", "name", "kind", "licence_number", "licence_valid_until", "region",
				"region_path", "star_rating", "star_year", "status", "status_reason", "status_date");
		return new OrganisationImport("providers", columns, "registry.provider_staging", staging, jdbc, persons,
				(job, from, to) -> {
				}, () -> row -> {
					var p = registry.checkProviderFields(new ProviderRegistration(row.get(CREDIT), row.get(NAME),
							RegistryCodes.code(RegistryCodes.PROVIDER_KINDS, row.get("机构类型")), row.get("办学许可证号"),
							row.read("许可证有效期至", OrganisationImports::date), row.get(REGION),
							row.read("星级", OrganisationImports::integer), row.read("星级评定年份", OrganisationImports::integer),
							RegistryCodes.code(RegistryCodes.PROVIDER_STATUSES, row.get("状态")), row.get("状态原因"),
							row.read("状态日期", OrganisationImports::date)));
					return Arrays.asList(p.creditCode(), p.name(), p.kind(), p.licenceNumber(), string(p.licenceValidUntil()),
							p.region(), null, string(p.starRating()), string(p.starYear()), p.status(), p.statusReason(),
							string(p.statusDate()));
				}, """
				insert into registry.provider as t (credit_code, name, kind, licence_number, licence_valid_until,
				    region, region_path, star_rating, star_year, status, status_reason, status_date)
				select credit_code, name, kind, licence_number, licence_valid_until, region, region_path, star_rating,
				    star_year, status, status_reason, status_date
				from registry.provider_staging where job_id = :job and row_number between :from and :to
				""" + Organisations.PROVIDER_CONFLICT + """
				returning 1
				""");
	}

	/** What else happens in the transaction that merged a range of rows. */
	@FunctionalInterface
	interface AfterMerge {
		void merged(UUID job, int fromRow, int toRow);
	}

	/**
	 * One organisation kind: the row is checked by the registry's own rules (the first broken one reported on the
	 * column it concerns), the county resolved to its path and checked against the uploader's scope, duplicates of a
	 * credit code within the file refused, and the rows merged by credit code.
	 */
	static final class OrganisationImport extends StagedImport {

		private final PersonRegistry persons;
		private final AfterMerge afterMerge;
		private final Supplier<Function<ImportRow, List<String>>> rowChecks;
		private final String mergeSql;

		OrganisationImport(String kind, List<ImportColumn> columns, String stagingTable, List<String> stagingColumns,
				JdbcClient jdbc, PersonRegistry persons, AfterMerge afterMerge,
				Supplier<Function<ImportRow, List<String>>> rowChecks, String mergeSql) {
			super(kind, columns, stagingTable, stagingColumns, jdbc);
			this.afterMerge = afterMerge;
			this.persons = persons;
			this.rowChecks = rowChecks;
			this.mergeSql = mergeSql;
		}

		@Override
		public boolean mayImport(Actor actor) {
			return actor.regionalOfficer();
		}

		@Override
		public RowChecker checker(Actor actor) {
			Map<String, Region> regions = persons.regionsByCode();
			var checkRow = rowChecks.get(); // reference data read once per file
			var rows = rowCheck();
			return row -> rows.check(row, () -> {
				var region = regions.get(row.get(REGION));
				if (region == null || region.level() != RegionLevel.COUNTY) {
					return CheckedRow.rejected(row, REGION, region == null ? "region.unknown" : "region.not-county",
							row.get(REGION));
				}
				if (!actor.scope().covers(region.path())) {
					return CheckedRow.rejected(row, REGION, "scope.outside", row.get(REGION));
				}
				var values = new ArrayList<>(checkRow.apply(row));
				values.set(stagingColumns().indexOf("region_path"), region.path());
				return CheckedRow.staged(values);
			});
		}

		@Override
		public List<RowError> checkStaged(UUID job) {
			return duplicatesInFile(job, "credit_code", CREDIT);
		}

		@Override
		public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
			var staged = staged(job, fromRow, toRow);
			var changed = overRows("with merged as (" + mergeSql + ") select count(*) from merged", job, fromRow, toRow)
					.query(Integer.class).single();
			afterMerge.merged(job, fromRow, toRow);
			return new MergeCounts(changed, staged - changed);
		}
	}

	static boolean yes(String value) {
		return value != null && (value.equals("是") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("Y"));
	}

	static Integer integer(String value) {
		return value == null ? null : Integer.valueOf(value.replace(".0", ""));
	}

	static LocalDate date(String value) {
		return value == null ? null : LocalDate.parse(value.replace('/', '-').substring(0, Math.min(10, value.length())));
	}

	static String string(Object value) {
		return value == null ? null : value.toString();
	}
}
