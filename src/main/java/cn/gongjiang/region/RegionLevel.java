package cn.gongjiang.region;

/** Province (省), city (地级市), county (县级: 区, 县级市, 县), township (乡级: 街道, 镇, 乡). */
public enum RegionLevel {

	PROVINCE, CITY, COUNTY, TOWNSHIP;

	static RegionLevel of(int level) {
		return values()[level - 1];
	}
}
