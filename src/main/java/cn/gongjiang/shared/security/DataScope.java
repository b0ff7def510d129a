package cn.gongjiang.shared.security;

import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.RegionPath;

/**
 * What part of the data an account may see and change. A region scope carries the region's materialised path
 * ({@code /330000/330600/}) so that "everything under Shaoxing" is one indexed {@code like :path || '%'} predicate,
 * always bound as a parameter.
 */
public record DataScope(Role.ScopeKind kind, String value, String regionPath) {

	public static final DataScope NONE = new DataScope(Role.ScopeKind.NONE, null, null);

	/** Zhejiang's path: the province's scope, which also holds what the platform cannot place in a region. */
	public static final String PROVINCE_PATH = "/330000/";

	public DataScope {
		if (kind == Role.ScopeKind.REGION && (regionPath == null || RegionPath.parse(regionPath).isEmpty())) {
			throw new IllegalArgumentException("A region scope needs a materialised path, got " + regionPath);
		}
		if (kind != Role.ScopeKind.NONE && (value == null || value.isBlank())) {
			throw new IllegalArgumentException("A " + kind + " scope needs a value");
		}
	}

	public static DataScope region(RegionCode code, String path) {
		return new DataScope(Role.ScopeKind.REGION, code.value(), path);
	}

	public static DataScope department(String department) {
		return new DataScope(Role.ScopeKind.DEPARTMENT, department, null);
	}

	public static DataScope organisation(String creditCode) {
		return new DataScope(Role.ScopeKind.ORGANISATION, creditCode, null);
	}

	public static DataScope person(String personKey) {
		return new DataScope(Role.ScopeKind.PERSON, personKey, null);
	}

	/** A worker's scope: their keyed ID-number index. */
	public static DataScope person(IdNumberIndex index) {
		return person(index.hex());
	}

	/** A worker's own keyed ID-number index: the value of a person's scope. */
	public IdNumberIndex personIndex() {
		if (kind != Role.ScopeKind.PERSON) {
			throw new IllegalStateException("not a person's scope: " + this);
		}
		return IdNumberIndex.fromHex(value);
	}

	public boolean regional() {
		return kind == Role.ScopeKind.REGION;
	}

	public boolean provinceWide() {
		return regional() && PROVINCE_PATH.equals(regionPath);
	}

	/** True when a record at {@code path} lies inside this region scope. */
	public boolean covers(String path) {
		return regional() && path != null && path.startsWith(regionPath);
	}

	@Override
	public String toString() {
		return kind == Role.ScopeKind.NONE ? "NONE" : kind + ":" + value;
	}
}
