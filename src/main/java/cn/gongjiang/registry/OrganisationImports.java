package cn.gongjiang.registry;

import java.time.DateTimeException;
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
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.BusinessException;
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
		var columns = List.of(ImportColumn.required(CREDIT, "18位统一社会信用代码"),
				ImportColumn.required(NAME, "企业名称"), ImportColumn.required(REGION, "企业所在县级区划代码（6位）"),
				ImportColumn.optional("产业领域", "产业领域名称，如 先进制造业(415X集群)、数字经济、高端装备"),
				ImportColumn.optional("产业集群", "所属415X集群名称"),
				ImportColumn.optional("企业规模", RegistryCodes.listed(RegistryCodes.SIZES)),
				ImportColumn.optional("重点企业", "是/否"), ImportColumn.optional("重点企业认定理由", "重点企业必填"),
				ImportColumn.optional("技能型企业状态", RegistryCodes.listed(RegistryCodes.SKILL_BASED)),
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
								integer(row.get("技能型企业认定年份")), yes(row.get("新八级试点"))), fields);
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
		var columns = List.of(ImportColumn.required(CREDIT, "18位统一社会信用代码"),
				ImportColumn.required(NAME, "机构名称"), ImportColumn.required(REGION, "机构所在县级区划代码（6位）"),
				ImportColumn.required("机构类型", RegistryCodes.listed(RegistryCodes.PROVIDER_KINDS)),
				ImportColumn.optional("办学许可证号", ""), ImportColumn.optional("许可证有效期至", "yyyy-MM-dd"),
				ImportColumn.optional("星级", "1-5"), ImportColumn.optional("星级评定年份", "有星级时必填"),
				ImportColumn.optional("状态", RegistryCodes.listed(RegistryCodes.PROVIDER_STATUSES)),
				ImportColumn.optional("状态原因", "暂停或退出时必填"), ImportColumn.optional("状态日期", "yyyy-MM-dd"));
		var staging = List.of("credit_code", "name", "kind", "licence_number", "licence_valid_until", "region",
				"region_path", "star_rating", "star_year", "status", "status_reason", "status_date");
		return new OrganisationImport("providers", columns, "registry.provider_staging", staging, jdbc, persons,
				(job, from, to) -> {
				}, () -> row -> {
					var p = registry.checkProviderFields(new ProviderRegistration(row.get(CREDIT), row.get(NAME),
							RegistryCodes.code(RegistryCodes.PROVIDER_KINDS, row.get("机构类型")), row.get("办学许可证号"),
							date(row.get("许可证有效期至")), row.get(REGION), integer(row.get("星级")),
							integer(row.get("星级评定年份")), RegistryCodes.code(RegistryCodes.PROVIDER_STATUSES, row.get("状态")),
							row.get("状态原因"),
							date(row.get("状态日期"))));
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
	static final class OrganisationImport implements ImportHandler {

		private static final Map<String, String> COLUMN_OF_CODE = Map.of("credit-code", CREDIT,
				"organisation.name", NAME, "region", REGION, "enterprise.size", "企业规模",
				"enterprise.industry-field", "产业领域", "enterprise.key-reason", "重点企业认定理由",
				"enterprise.skill-based", "技能型企业状态", "provider.kind", "机构类型", "provider.star-rating", "星级",
				"provider.status", "状态");

		private final String kind;
		private final List<ImportColumn> columns;
		private final String stagingTable;
		private final List<String> stagingColumns;
		private final JdbcClient jdbc;
		private final PersonRegistry persons;
		private final AfterMerge afterMerge;
		private final Supplier<Function<ImportRow, List<String>>> rowChecks;
		private final String mergeSql;

		OrganisationImport(String kind, List<ImportColumn> columns, String stagingTable, List<String> stagingColumns,
				JdbcClient jdbc, PersonRegistry persons, AfterMerge afterMerge,
				Supplier<Function<ImportRow, List<String>>> rowChecks, String mergeSql) {
			this.afterMerge = afterMerge;
			this.kind = kind;
			this.columns = columns;
			this.stagingTable = stagingTable;
			this.stagingColumns = stagingColumns;
			this.jdbc = jdbc;
			this.persons = persons;
			this.rowChecks = rowChecks;
			this.mergeSql = mergeSql;
		}

		@Override
		public String kind() {
			return kind;
		}

		@Override
		public List<ImportColumn> columns() {
			return columns;
		}

		@Override
		public boolean mayImport(Actor actor) {
			return actor.regionalOfficer();
		}

		@Override
		public String stagingTable() {
			return stagingTable;
		}

		@Override
		public List<String> stagingColumns() {
			return stagingColumns;
		}

		@Override
		public RowChecker checker(Actor actor) {
			Map<String, Region> regions = persons.regionsByCode();
			var checkRow = rowChecks.get(); // reference data read once per file
			return row -> {
				var missing = RowError.missing(row, columns);
				if (!missing.isEmpty()) {
					return CheckedRow.rejected(missing);
				}
				var region = regions.get(row.get(REGION));
				if (region == null || region.level() != RegionLevel.COUNTY) {
					return CheckedRow.rejected(List.of(RowError.of(row.number(), REGION,
							region == null ? "region.unknown" : "region.not-county", row.get(REGION))));
				}
				if (!actor.scope().covers(region.path())) {
					return CheckedRow.rejected(List.of(RowError.of(row.number(), REGION, "scope.outside", row.get(REGION))));
				}
				try {
					var values = new ArrayList<>(checkRow.apply(row));
					values.set(stagingColumns.indexOf("region_path"), region.path());
					return CheckedRow.staged(values);
				}
				catch (BusinessException e) {
					return CheckedRow.rejected(List.of(RowError.of(row.number(), columnOf(e.code()), e.code(),
							e.arguments())));
				}
				catch (IllegalArgumentException | DateTimeException e) {
					return CheckedRow.rejected(List.of(RowError.of(row.number(), null, "value.format")));
				}
			};
		}

		@Override
		public List<RowError> checkStaged(UUID job) {
			return jdbc.sql("""
					select row_number, first_row from (
					    select row_number, min(row_number) over (partition by credit_code) as first_row
					    from %s where job_id = :job
					) s where row_number <> first_row
					""".formatted(stagingTable)).param("job", job)
					.query((rs, i) -> RowError.of(rs.getInt(1), CREDIT, "duplicate-in-file", rs.getInt(2))).list();
		}

		@Override
		public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
			var staged = jdbc.sql("select count(*) from " + stagingTable
					+ " where job_id = :job and row_number between :from and :to").param("job", job)
					.param("from", fromRow).param("to", toRow).query(Integer.class).single();
			var changed = jdbc.sql("with merged as (" + mergeSql + ") select count(*) from merged").param("job", job)
					.param("from", fromRow).param("to", toRow).query(Integer.class).single();
			afterMerge.merged(job, fromRow, toRow);
			return new MergeCounts(changed, staged - changed);
		}

		private static String columnOf(String code) {
			return COLUMN_OF_CODE.entrySet().stream().filter(e -> code.startsWith(e.getKey())).map(Map.Entry::getValue)
					.findFirst().orElse(null);
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
