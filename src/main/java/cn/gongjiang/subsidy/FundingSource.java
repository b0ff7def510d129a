package cn.gongjiang.subsidy;

/**
 * Where a subsidy's money comes from (资金渠道), as the documents name them (000 三(二); 003 §19; 004 四(二)): the
 * training subsidy from the skills-upgrading account first; the others a region may add to it.
 */
public enum FundingSource {

	/** 职业技能提升行动专账资金: the training subsidy's own account. */
	SKILLS_ACCOUNT,
	/** 就业补助资金. */
	EMPLOYMENT_FUND,
	/** 失业保险基金. */
	UNEMPLOYMENT_INSURANCE,
	/** 地方人才经费: a city's talent fund, which pays Shaoxing's enterprise schemes (示例). */
	CITY_TALENT_FUND,
	/** 行业产业发展经费. */
	INDUSTRY_FUND;

	/** The source a code names; null for a code that names none. */
	public static FundingSource ofCode(String code) {
		for (var source : values()) {
			if (source.name().equals(code)) {
				return source;
			}
		}
		return null;
	}
}
