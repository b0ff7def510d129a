package cn.gongjiang.enrolment;

/**
 * A technical school (技工学校, 高级技工学校 or 技师学院): a provider of the registry with its affiliation, a city's (the
 * city it stands in) or the province's (省属).
 */
public record School(String creditCode, String name, String kind, String county, String countyPath, String cityCode,
		String affiliation, String status) {

	public boolean provincial() {
		return "PROVINCE".equals(affiliation);
	}

	/** 省属技师学院 may enrol across cities (002 三(三)); every other school only from its own city. */
	public boolean mayEnrolAcrossCities() {
		return provincial() && "TECHNICIAN_COLLEGE".equals(kind);
	}

	public String cityPath() {
		return "/330000/" + cityCode + "/";
	}
}
