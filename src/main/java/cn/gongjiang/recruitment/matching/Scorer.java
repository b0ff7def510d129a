package cn.gongjiang.recruitment.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one scorer of both directions (REC-2), candidates for a job and jobs for a person, with five named components,
 * each a fit from 0 to 1 and a reason:
 * <ul>
 * <li>occupation: the same detailed occupation (细类), a related one from the configured table, the same minor
 * group (小类), middle group (中类) or major group (大类) of the 2022 classification;</li>
 * <li>grade: meets the job's minimum on the eight-grade ladder; one grade short names the training that closes the
 * gap;</li>
 * <li>place: the same county, city or province;</li>
 * <li>wage: the job's range against the person's expectation;</li>
 * <li>availability: why the person may be contacted (a placed person is not a candidate at all).</li>
 * </ul>
 * Pure: no database, no Spring. The score is the weighted sum; each component's share is its part of the score.
 */
public final class Scorer {

	private final Weights weights;
	private final Set<String> related;
	private final GradeGap gaps;

	/** {@code related}: pairs of related occupations as "a|b" (both directions). */
	public Scorer(Weights weights, Set<String> related, GradeGap gaps) {
		this.weights = weights;
		this.related = related;
		this.gaps = gaps;
	}

	public Weights weights() {
		return weights;
	}

	/** The match of a person and a job, or null when the person may not be proposed (already placed). */
	public Match score(JobProfile job, SeekerProfile seeker) {
		if (seeker.placed()) {
			return null;
		}
		var occupation = occupation(job, seeker);
		var components = new ArrayList<Component>(5);
		components.add(occupation.component());
		components.add(grade(job, seeker, occupation.skillCode()));
		components.add(place(job, seeker));
		components.add(wage(job, seeker));
		components.add(availability(job, seeker));
		var total = 0.0;
		for (var c : components) {
			total += weights.of(c.name()) * c.fit();
		}
		var finalTotal = total;
		var shared = components.stream().map(c -> c.withShare(finalTotal, weights.of(c.name())))
				.sorted(Comparator.comparingDouble(Component::share).reversed()).toList();
		return new Match(job.id(), seeker.personId(), Math.round(total * 10_000) / 10_000.0, shared, weights.version());
	}

	private record OccupationFit(Component component, String skillCode) {
	}

	private OccupationFit occupation(JobProfile job, SeekerProfile seeker) {
		var wanted = job.occupationCode();
		String best = null;
		var bestFit = 0.0;
		var bestReason = "recruitment.match.occupation.none";
		for (var skill : candidates(seeker)) {
			double fit;
			String reason;
			if (skill.equals(wanted)) {
				fit = 1.0;
				reason = "recruitment.match.occupation.same";
			}
			else if (related.contains(skill + "|" + wanted) || related.contains(wanted + "|" + skill)) {
				fit = 0.8;
				reason = "recruitment.match.occupation.related";
			}
			else if (group(skill, 3).equals(group(wanted, 3))) {
				fit = 0.7;
				reason = "recruitment.match.occupation.minor-group";
			}
			else if (group(skill, 2).equals(group(wanted, 2))) {
				fit = 0.4;
				reason = "recruitment.match.occupation.middle-group";
			}
			else if (group(skill, 1).equals(group(wanted, 1))) {
				fit = 0.1;
				reason = "recruitment.match.occupation.major-group";
			}
			else {
				continue;
			}
			if (fit > bestFit) {
				bestFit = fit;
				best = skill;
				bestReason = reason;
			}
		}
		var arguments = best == null ? List.<Object>of(new Component.Occupation(wanted))
				: List.<Object>of(new Component.Occupation(best), new Component.Occupation(wanted));
		return new OccupationFit(new Component(Component.Name.OCCUPATION, bestFit, 0, bestReason, arguments), best);
	}

	/** The occupations a person brings: those their certificates attest, and the one they asked for. */
	private static List<String> candidates(SeekerProfile seeker) {
		var all = new ArrayList<>(seeker.skills().keySet());
		if (seeker.wantedOccupation() != null && !all.contains(seeker.wantedOccupation())) {
			all.add(seeker.wantedOccupation());
		}
		return all;
	}

	private Component grade(JobProfile job, SeekerProfile seeker, String skillCode) {
		Integer held = skillCode == null ? null : seeker.skills().get(skillCode);
		if (job.minGradeRank() == null) {
			return held == null
					? new Component(Component.Name.GRADE, 0.6, 0, "recruitment.match.grade.none-asked-none-held", List.of())
					: new Component(Component.Name.GRADE, 1.0, 0, "recruitment.match.grade.none-asked", List.of(new Component.Grade(held)));
		}
		int minimum = job.minGradeRank();
		if (held != null && held >= minimum) {
			return new Component(Component.Name.GRADE, 1.0, 0, "recruitment.match.grade.meets", grades(held, minimum));
		}
		if (held != null && held == minimum - 1) {
			var advice = gaps.closing(job.occupationCode(), minimum);
			return advice == null
					? new Component(Component.Name.GRADE, 0.5, 0, "recruitment.match.grade.one-short", grades(held, minimum))
					: new Component(Component.Name.GRADE, 0.5, 0, advice.code(), concat(grades(held, minimum), advice.arguments()));
		}
		return held == null
				? new Component(Component.Name.GRADE, 0.0, 0, "recruitment.match.grade.none-held", List.of(new Component.Grade(minimum)))
				: new Component(Component.Name.GRADE, 0.1, 0, "recruitment.match.grade.short", grades(held, minimum));
	}

	private static Component place(JobProfile job, SeekerProfile seeker) {
		var home = seeker.residencePath();
		var work = job.countyPath();
		if (home != null && home.equals(work)) {
			return new Component(Component.Name.PLACE, 1.0, 0, "recruitment.match.place.county", List.of(new Component.Place(work)));
		}
		if (home != null && work != null && level(home, 2).equals(level(work, 2))) {
			return new Component(Component.Name.PLACE, 0.7, 0, "recruitment.match.place.city", places(home, work));
		}
		if (home != null && work != null && level(home, 1).equals(level(work, 1))) {
			return new Component(Component.Name.PLACE, 0.4, 0, "recruitment.match.place.province", places(home, work));
		}
		return new Component(Component.Name.PLACE, 0.1, 0, "recruitment.match.place.far", List.of(new Component.Place(work)));
	}

	private static Component wage(JobProfile job, SeekerProfile seeker) {
		var expected = seeker.expectedWage();
		if (job.wageMax() == null && job.wageMin() == null) {
			return new Component(Component.Name.WAGE, 0.7, 0, "recruitment.match.wage.no-range", List.of());
		}
		var top = job.wageMax() != null ? job.wageMax() : job.wageMin();
		if (expected == null) {
			return new Component(Component.Name.WAGE, 0.7, 0, "recruitment.match.wage.no-expectation", List.of(new Component.Yuan(top)));
		}
		if (expected <= top) {
			return new Component(Component.Name.WAGE, 1.0, 0, "recruitment.match.wage.within", yuan(expected, top));
		}
		if (expected <= top * 1.2) {
			return new Component(Component.Name.WAGE, 0.5, 0, "recruitment.match.wage.slightly-above", yuan(expected, top));
		}
		return new Component(Component.Name.WAGE, 0.1, 0, "recruitment.match.wage.above", yuan(expected, top));
	}

	private static Component availability(JobProfile job, SeekerProfile seeker) {
		var fit = switch (seeker.basis()) {
			case "REGISTERED", "UNEMPLOYED" -> 1.0;
			case "GRADUATING" -> job.graduatesSought() ? 1.0 : 0.9;
			default -> 0.8;
		};
		var reason = "recruitment.match.availability." + seeker.basis()
				+ ("GRADUATING".equals(seeker.basis()) && job.graduatesSought() ? ".sought" : "");
		return new Component(Component.Name.AVAILABILITY, fit, 0, reason, List.of());
	}

	/** 6-18-01-01 cut to its first {@code parts} segments: the major (1), middle (2) or minor (3) group. */
	static String group(String code, int parts) {
		return code.substring(0, end(code, '-', parts, 0));
	}

	/** /330000/330600/330603/ cut to its first {@code levels} regions. */
	private static String level(String path, int levels) {
		var end = end(path, '/', levels + 1, 0);
		return end == path.length() ? path : path.substring(0, end + 1);
	}

	/**
	 * Where the {@code count}-th segment after {@code from} ends: the index of the separator after it, or the length.
	 * (Scoring compares thousands of codes and paths per list; cutting by index allocates nothing on the way.)
	 */
	private static int end(String s, char separator, int count, int from) {
		var at = from - 1;
		for (int i = 0; i < count; i++) {
			at = s.indexOf(separator, at + 1);
			if (at < 0) {
				return s.length();
			}
		}
		return at;
	}

	private static List<Object> grades(int held, int minimum) {
		return List.of(new Component.Grade(held), new Component.Grade(minimum));
	}

	private static List<Object> places(String home, String work) {
		return List.of(new Component.Place(home), new Component.Place(work));
	}

	private static List<Object> yuan(int expected, int top) {
		return List.of(new Component.Yuan(expected), new Component.Yuan(top));
	}

	private static List<Object> concat(List<Object> a, List<Object> b) {
		var all = new ArrayList<Object>(a);
		all.addAll(b);
		return all;
	}

	/** The ranking of many candidates: best score first, ties by the person's id for a stable order. */
	public List<Match> rank(JobProfile job, List<SeekerProfile> seekers, int limit) {
		return seekers.stream().map(s -> score(job, s)).filter(Objects::nonNull)
				.sorted(Comparator.comparingDouble(Match::score).reversed().thenComparingLong(Match::personId))
				.limit(limit).toList();
	}

	/** Jobs for one person, best first. */
	public List<Match> rankJobs(List<JobProfile> jobs, SeekerProfile seeker, int limit) {
		return jobs.stream().map(j -> score(j, seeker)).filter(Objects::nonNull)
				.sorted(Comparator.comparingDouble(Match::score).reversed().thenComparingLong(Match::jobId))
				.limit(limit).toList();
	}

	static Map<String, Integer> skills(Object... pairs) {
		var map = new LinkedHashMap<String, Integer>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Integer) pairs[i + 1]);
		}
		return map;
	}
}
