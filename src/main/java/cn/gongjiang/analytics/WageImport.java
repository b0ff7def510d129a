package cn.gongjiang.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Wage records by file (kind {@code wages}, ANA-2): a person's monthly wage at an enterprise from an enterprise wage
 * survey (企业工资调查) or a social-insurance contribution base (社保缴费基数). The person is kept by the ID number's
 * keyed index only. An officer imports for enterprises of the region, an enterprise for itself; the workplace is the
 * county given or else the enterprise's. The same person, enterprise, month and source again changes nothing.
 */
@Component
class WageImport extends StagedImport {

	static final String CREDIT = "统一社会信用代码", ID = "身份证号码", OCCUPATION = "职业编码", GRADE = "技能等级",
			WAGE = "月工资", MONTH = "年月", SOURCE = "数据来源", COUNTY = "工作地区划代码";
	static final Map<String, String> SOURCES = Map.of("企业工资调查", "WAGE_SURVEY", "社保缴费基数", "SOCIAL_INSURANCE",
			"WAGE_SURVEY", "WAGE_SURVEY", "SOCIAL_INSURANCE", "SOCIAL_INSURANCE");

	private final PersonalDataCipher cipher;
	private final OrganisationRegistry organisations;
	private final OccupationCatalogue occupations;
	private final AnalyticsScope scope;
	private final Clock clock;

	WageImport(PersonalDataCipher cipher, OrganisationRegistry organisations, OccupationCatalogue occupations,
			AnalyticsScope scope, JdbcClient jdbc, Clock clock) {
		super("wages", List.of(ImportColumn.optional(CREDIT, "企业统一社会信用代码；企业导入本单位数据时可不填"),
				ImportColumn.required(ID, "18位居民身份证号码"), ImportColumn.required(OCCUPATION, "职业编码，如 6-18-01-01"),
				ImportColumn.optional(GRADE, "如 中级工；不填按其证书认定"), ImportColumn.required(WAGE, "应发月工资，元"),
				ImportColumn.required(MONTH, "yyyy-MM，如 2025-06"), ImportColumn.required(SOURCE, "企业工资调查 或 社保缴费基数"),
				ImportColumn.optional(COUNTY, "县级区划代码，缺省为企业所在地")),
				"analytics.wage_staging", List.of("person_index", "enterprise_code", "region_path", "occupation_code",
						"grade", "monthly_wage", "period", "source"), jdbc);
		this.clock = clock;
		this.cipher = cipher;
		this.organisations = organisations;
		this.occupations = occupations;
		this.scope = scope;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.role() == Role.ENTERPRISE || actor.regionalOfficer();
	}

	@Override
	public RowChecker checker(Actor actor) {
		var codes = occupations.allCodes();
		var enterprises = new HashMap<String, Optional<String>>();
		var regions = scope.regions().all();
		var latest = YearMonth.now(clock);
		var rows = rowCheck().formatErrorsAs("analytics.value.format");
		return row -> rows.check(row, () -> {
			var credit = row.get(CREDIT) != null ? row.read(CREDIT, c -> CreditCode.parse(c).value())
					: actor.role() == Role.ENTERPRISE ? actor.scope().value() : null;
			if (credit == null) {
				return CheckedRow.rejected(row, CREDIT, "required");
			}
			if (actor.role() == Role.ENTERPRISE && !credit.equals(actor.scope().value())) {
				return CheckedRow.rejected(row, CREDIT, "scope.outside", credit);
			}
			var person = row.read(ID, IdNumber::parse);
			var occupation = row.get(OCCUPATION);
			if (!codes.contains(occupation)) {
				return CheckedRow.rejected(row, OCCUPATION, "occupation.not-found", occupation);
			}
			var grade = row.read(GRADE, g -> SkillGrade.fromCode(g.replaceAll("[(（].*", "")).code());
			var wage = row.read(WAGE, w -> Integer.parseInt(w.replace(",", "").replace("元", "").strip()));
			if (wage <= 0 || wage > 1_000_000) {
				return CheckedRow.rejected(row, WAGE, "analytics.wage.invalid", wage);
			}
			var month = row.read(MONTH, m -> YearMonth.parse(m.replace('/', '-').replace("年", "-").replace("月", "")
					.strip().replaceFirst("-(\\d)$", "-0$1")));
			if (month.isAfter(latest) || month.getYear() < 2000) {
				return CheckedRow.rejected(row, MONTH, "analytics.wage.month", month);
			}
			var source = SOURCES.get(row.get(SOURCE));
			if (source == null) {
				return CheckedRow.rejected(row, SOURCE, "analytics.wage.source", row.get(SOURCE));
			}
			Region county;
			if (row.get(COUNTY) != null) {
				county = regions.get(row.read(COUNTY, c -> RegionCode.of(c).value()));
				if (county == null || county.level() != RegionLevel.COUNTY) {
					return CheckedRow.rejected(row, COUNTY, "analytics.wage.county", row.get(COUNTY));
				}
			}
			else {
				var seat = enterprises.computeIfAbsent(credit,
						c -> organisations.enterprise(c).map(e -> e.region()));
				if (seat.isEmpty()) {
					return CheckedRow.rejected(row, CREDIT, "analytics.wage.enterprise-unknown", credit);
				}
				county = regions.get(seat.get());
			}
			if (actor.role() != Role.ENTERPRISE && !actor.scope().covers(county.path())) {
				return CheckedRow.rejected(row, row.get(COUNTY) != null ? COUNTY : CREDIT, "scope.outside",
						county.code());
			}
			return CheckedRow.staged(Arrays.asList(cipher.index(person).copyText(), credit, county.path(), occupation, grade,
					String.valueOf(wage), LocalDate.of(month.getYear(), month.getMonth(), 1).toString(), source));
		});
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return duplicatesInFile(job, "person_index, enterprise_code, period, source", ID);
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = staged(job, fromRow, toRow);
		var changed = overRows("""
				insert into analytics.wage_record (person_index, enterprise_code, region_path, occupation_code, grade,
				    monthly_wage, period, source, recorded_by)
				select person_index, enterprise_code, region_path, occupation_code, grade, monthly_wage, period, source, :by
				from analytics.wage_staging where job_id = :job and row_number between :from and :to
				on conflict (person_index, enterprise_code, period, source) do update
				    set region_path = excluded.region_path, occupation_code = excluded.occupation_code,
				        grade = excluded.grade, monthly_wage = excluded.monthly_wage
				    where (wage_record.region_path, wage_record.occupation_code, wage_record.grade, wage_record.monthly_wage)
				          is distinct from (excluded.region_path, excluded.occupation_code, excluded.grade, excluded.monthly_wage)
				""", job, fromRow, toRow).param("by", actor.username()).update();
		return new MergeCounts(changed, staged - changed);
	}
}
