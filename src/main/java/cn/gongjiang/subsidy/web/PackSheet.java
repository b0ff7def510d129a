package cn.gongjiang.subsidy.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.subsidy.PolicyPack;

/**
 * A policy pack's parameters as the tables a clerk reads (SUB-2): the standards by certificate type and grade, the
 * other parameters each with its kind (money, percent, a count of times, months …) and the clause it comes from,
 * the key fields of a city, its schemes with their caps. Every name is a message key or a {@code #names} look-up in
 * the template; no map is ever printed whole.
 */
public record PackSheet(PolicyPack pack, boolean illustrative, boolean inForce, List<String> grades,
		List<Standard> standards, List<Row> parameters, List<Row> keyFields, List<Scheme> schemes) {

	/** What a parameter's value is, for the template to show it: 元, %, 次, 年, 个月, 天, 是/否, names. */
	public enum Kind { MONEY, PERCENT, TIMES, YEARS, MONTHS, DAYS, YES_NO, FIELDS, GRADE, SOURCE, TEXT }

	/**
	 * One value of a pack. {@code key} names the parameter ({@code subsidy.param.<key>}); {@code scheme},
	 * {@code type}, {@code grade} and {@code prefix} (an occupation code prefix) say which one when there are many.
	 */
	public record Row(String key, String scheme, String type, String grade, String prefix, Kind kind, Object value,
			String clause) {

		String identity() {
			return key + "|" + scheme + "|" + type + "|" + grade + "|" + prefix;
		}

		/** Whether the parameter is one the bundle names (else its key stands in, for a pack of the future). */
		public boolean known() {
			return KINDS.containsKey(key) || key.equals("standard") || key.equals("keyField") || key.equals("clause");
		}
	}

	/** One certificate type's standards: by grade, or one amount for every grade. */
	public record Standard(String type, Map<String, Object> byGrade, Object flat) {
	}

	/** One enterprise scheme of a city: its clause and its parameters. */
	public record Scheme(String code, String clause, List<Row> parameters) {
	}

	/** A difference between the version in force and a draft; either side is null where it has no such value. */
	public record Change(Row inForce, Row draft) {

		public Row any() {
			return draft != null ? draft : inForce;
		}
	}

	static final Map<String, Kind> KINDS = Map.ofEntries(Map.entry("maxPerYear", Kind.TIMES),
			Map.entry("shortageUpliftPercent", Kind.PERCENT), Map.entry("mountainUpliftPercent", Kind.PERCENT),
			Map.entry("retiredWithoutPensionEnabled", Kind.YES_NO), Map.entry("keyFieldUpliftPercent", Kind.PERCENT),
			Map.entry("schemeFundingSource", Kind.SOURCE), Map.entry("perPersonYear", Kind.MONEY),
			Map.entry("maxYears", Kind.YEARS), Map.entry("technicianMonthly", Kind.MONEY),
			Map.entry("seniorMonthly", Kind.MONEY), Map.entry("maxMonths", Kind.MONTHS),
			Map.entry("manufacturingFields", Kind.FIELDS), Map.entry("perPerson", Kind.MONEY),
			Map.entry("minGrade", Kind.GRADE), Map.entry("seniorClass", Kind.MONEY),
			Map.entry("technicianClass", Kind.MONEY), Map.entry("perYearStudied", Kind.MONEY),
			Map.entry("minInsuranceMonths", Kind.MONTHS), Map.entry("minContractYears", Kind.YEARS),
			Map.entry("once", Kind.MONEY), Map.entry("maxPerPerson", Kind.MONEY), Map.entry("maxDays", Kind.DAYS),
			Map.entry("maxInProvince", Kind.MONEY), Map.entry("maxOutside", Kind.MONEY));

	/** The order parameters are listed in: the policy's own, amounts before caps. */
	private static final List<String> ORDER = List.of("maxPerYear", "shortageUpliftPercent", "mountainUpliftPercent",
			"retiredWithoutPensionEnabled", "keyFieldUpliftPercent", "schemeFundingSource", "perPersonYear",
			"technicianMonthly", "seniorMonthly", "perPerson", "seniorClass", "technicianClass", "perYearStudied", "once",
			"maxPerPerson", "maxInProvince", "maxOutside", "maxYears", "maxMonths", "maxDays", "minGrade",
			"minInsuranceMonths", "minContractYears", "manufacturingFields");

	private static final Comparator<Row> IN_ORDER = Comparator
			.comparingInt(r -> ORDER.indexOf(r.key()) < 0 ? ORDER.size() : ORDER.indexOf(r.key()));

	/** Read by the sheet itself (or shown as a badge), not shown as a parameter of their own. */
	private static final List<String> STRUCTURE = List.of("illustrative", "demoAssumption", "standards", "keyFields",
			"keyFieldReasons", "schemes");

	static PackSheet of(PolicyPack pack, boolean inForce) {
		var p = pack.parameters();
		var standards = new ArrayList<Standard>();
		var grades = new ArrayList<String>();
		if (p.get("standards") instanceof Map<?, ?> byType) {
			for (var type : ordered(byType.keySet(), typeOrder())) {
				var value = byType.get(type);
				if (value instanceof Map<?, ?> byGrade) {
					var amounts = new LinkedHashMap<String, Object>();
					byGrade.forEach((g, a) -> amounts.put(String.valueOf(g), a));
					amounts.keySet().stream().filter(g -> !grades.contains(g)).forEach(grades::add);
					standards.add(new Standard(String.valueOf(type), amounts, null));
				}
				else {
					standards.add(new Standard(String.valueOf(type), Map.of(), value));
				}
			}
		}
		var gradeOrder = gradeOrder();
		grades.sort(Comparator.comparingInt(g -> gradeOrder.indexOf(g) < 0 ? 99 : gradeOrder.indexOf(g)));
		var parameters = new ArrayList<Row>();
		p.forEach((key, value) -> {
			if (!STRUCTURE.contains(key)) {
				parameters.add(row(key, null, value, pack.source()));
			}
		});
		parameters.sort(IN_ORDER);
		var keyFields = new ArrayList<Row>();
		if (p.get("keyFields") instanceof Map<?, ?> fields) {
			// the clause of a key field is why its group belongs there, where the pack says
			var reasons = p.get("keyFieldReasons") instanceof Map<?, ?> r ? r : Map.of();
			fields.forEach((prefix, name) -> keyFields.add(new Row("keyField", null, null, null, String.valueOf(prefix),
					Kind.TEXT, name, reasons.get(prefix) == null ? pack.source() : String.valueOf(reasons.get(prefix)))));
			keyFields.sort(Comparator.comparing(Row::prefix));
		}
		var schemes = new ArrayList<Scheme>();
		if (p.get("schemes") instanceof Map<?, ?> all) {
			for (var code : all.keySet().stream().map(String::valueOf).sorted().toList()) {
				if (all.get(code) instanceof Map<?, ?> scheme) {
					var clause = scheme.get("clause") == null ? pack.source() : String.valueOf(scheme.get("clause"));
					var rows = new ArrayList<Row>();
					scheme.forEach((key, value) -> {
						if (!"clause".equals(key)) {
							rows.add(row(String.valueOf(key), code, value, clause));
						}
					});
					rows.sort(IN_ORDER);
					schemes.add(new Scheme(code, clause, rows));
				}
			}
		}
		return new PackSheet(pack, Boolean.TRUE.equals(p.get("illustrative")), inForce, grades, standards, parameters,
				keyFields, schemes);
	}

	/** Every value of the pack as one row each, to compare two versions value by value. */
	List<Row> rows() {
		var rows = new ArrayList<Row>();
		for (var s : standards) {
			if (s.flat() != null) {
				rows.add(new Row("standard", null, s.type(), null, null, Kind.MONEY, s.flat(), pack.source()));
			}
			s.byGrade().forEach((grade, amount) -> rows.add(new Row("standard", null, s.type(), grade, null, Kind.MONEY,
					amount, pack.source())));
		}
		rows.addAll(parameters);
		rows.addAll(keyFields);
		for (var s : schemes) {
			rows.add(new Row("clause", s.code(), null, null, null, Kind.TEXT, s.clause(), s.clause()));
			rows.addAll(s.parameters());
		}
		return rows;
	}

	/** What a draft changes against the version in force (or, with none in force, everything it sets). */
	static List<Change> changes(PackSheet inForce, PackSheet draft) {
		var before = new LinkedHashMap<String, Row>();
		if (inForce != null) {
			inForce.rows().forEach(r -> before.put(r.identity(), r));
		}
		var after = new LinkedHashMap<String, Row>();
		draft.rows().forEach(r -> after.put(r.identity(), r));
		var changes = new ArrayList<Change>();
		after.forEach((identity, row) -> {
			var old = before.get(identity);
			if (old == null || !Objects.equals(old.value(), row.value())) {
				changes.add(new Change(old, row));
			}
		});
		before.forEach((identity, row) -> {
			if (!after.containsKey(identity)) {
				changes.add(new Change(row, null));
			}
		});
		return changes;
	}

	private static Row row(String key, String scheme, Object value, String clause) {
		var kind = KINDS.getOrDefault(key, Kind.TEXT);
		var shown = kind == Kind.TEXT && (value instanceof Map<?, ?> || value instanceof List<?>) ? null : value;
		return new Row(key, scheme, null, null, null, kind, shown, clause);
	}

	private static List<String> typeOrder() {
		return Arrays.stream(CertificateType.values()).map(CertificateType::code).toList();
	}

	private static List<String> gradeOrder() {
		return Arrays.stream(SkillGrade.values()).map(SkillGrade::code).toList();
	}

	private static List<Object> ordered(Set<?> keys, List<String> order) {
		var list = new ArrayList<Object>(keys);
		list.sort(Comparator.comparingInt(k -> order.indexOf(String.valueOf(k)) < 0 ? 99
				: order.indexOf(String.valueOf(k))));
		return list;
	}
}
