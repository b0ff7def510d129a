package cn.gongjiang.registry;

/**
 * What an officer narrows the persons list by: the exact name, the region of residence (a city or county
 * within their scope), a person group (REF-5), sex, and the employer's credit code. Blank means "any".
 */
public record PersonFilter(String name, String region, String group, String sex, String employer) {

	public static final PersonFilter NONE = new PersonFilter(null, null, null, null, null);

	public PersonFilter {
		name = blank(name);
		region = blank(region);
		group = blank(group);
		sex = blank(sex);
		employer = blank(employer);
	}

	/** Nothing but the region: the total can be read from the maintained counts. */
	boolean regionOnly() {
		return name == null && group == null && sex == null && employer == null;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
