package cn.gongjiang.region;

import java.util.List;

import cn.gongjiang.shared.RegionPath;

/**
 * One node of the region tree, as read. {@code mountainCounty} is null above and below county level.
 */
public record Region(String code, String name, RegionLevel level, String kind, String parentCode, String path,
		Boolean mountainCounty, boolean hasChildren, int version) {

	/** The codes from the province down to this region, read off the materialised path. */
	public List<String> lineage() {
		return RegionPath.of(path).codes();
	}
}
