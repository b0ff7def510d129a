package cn.gongjiang.shared;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A region's materialised path from the province down, e.g. {@code /330000/330600/330602/}: "everything under Shaoxing"
 * is one indexed {@code like :path || '%'} predicate. This type reads a path's parts (its city, its county, how deep
 * it lies) so that no caller counts slashes or cuts a path with a regular expression.
 */
public record RegionPath(String value) {

	private static final Pattern FORMAT = Pattern.compile("(/\\d{6,9})+/");

	/** Depth of each level: the province is 1, a city 2, a county 3, a township 4. */
	public static final int PROVINCE = 1, CITY = 2, COUNTY = 3, TOWNSHIP = 4;

	public static final RegionPath ZHEJIANG = new RegionPath("/330000/");

	public RegionPath {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidValueException("region.path.format", value);
		}
	}

	public static RegionPath of(String value) {
		return new RegionPath(value);
	}

	/** The path, or empty when {@code value} is null or not a path. */
	public static Optional<RegionPath> parse(String value) {
		return value != null && FORMAT.matcher(value).matches() ? Optional.of(new RegionPath(value)) : Optional.empty();
	}

	/** The codes from the province down to this region. */
	public List<String> codes() {
		return List.of(value.substring(1, value.length() - 1).split("/"));
	}

	/** 1 for the province, 2 for a city, 3 for a county, 4 for a township. */
	public int depth() {
		return codes().size();
	}

	/** The region this path ends at. */
	public RegionCode code() {
		var codes = codes();
		return RegionCode.of(codes.get(codes.size() - 1));
	}

	/** The path cut to {@code depth} levels (this path when it is no deeper); {@code upTo(CITY)} is its city. */
	public RegionPath upTo(int depth) {
		var codes = codes();
		return codes.size() <= depth ? this : new RegionPath("/" + String.join("/", codes.subList(0, depth)) + "/");
	}

	/** The code at {@code depth} (e.g. the city's, {@code codeAt(CITY)}), or empty when the path is shallower. */
	public Optional<RegionCode> codeAt(int depth) {
		var codes = codes();
		return codes.size() < depth ? Optional.empty() : Optional.of(RegionCode.of(codes.get(depth - 1)));
	}

	/** True when {@code other} lies inside this region (or is it). */
	public boolean covers(RegionPath other) {
		return other != null && other.value.startsWith(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
