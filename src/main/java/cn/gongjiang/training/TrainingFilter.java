package cn.gongjiang.training;

/**
 * What a reader narrows a training list by: a region (a city or county, always within their own scope), an
 * occupation, a grade, a status or a source, and part of a name. A blank field narrows nothing.
 */
public record TrainingFilter(String region, String occupation, String grade, String status, String source,
		String name) {

	public static final TrainingFilter NONE = new TrainingFilter(null, null, null, null, null, null);

	public TrainingFilter {
		region = blank(region);
		occupation = blank(occupation);
		grade = blank(grade);
		status = blank(status);
		source = blank(source);
		name = blank(name);
	}

	public TrainingFilter withStatus(String value) {
		return new TrainingFilter(region, occupation, grade, value, source, name);
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
