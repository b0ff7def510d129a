package cn.gongjiang.registry;

/**
 * What an officer narrows the enterprise or provider list by: part of the name, the region (city or county in
 * scope), and for enterprises the industry field, size and key-enterprise mark, for providers their kind and status.
 */
public record OrganisationFilter(String name, String region, String field, String size, Boolean key, String kind,
		String status) {

	public static final OrganisationFilter NONE = new OrganisationFilter(null, null, null, null, null, null, null);

	public OrganisationFilter {
		name = blank(name);
		region = blank(region);
		field = blank(field);
		size = blank(size);
		kind = blank(kind);
		status = blank(status);
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
