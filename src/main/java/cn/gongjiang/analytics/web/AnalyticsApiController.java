package cn.gongjiang.analytics.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.analytics.AnalyticsTables;
import cn.gongjiang.analytics.EmploymentStatistics;
import cn.gongjiang.analytics.IncomeBands;
import cn.gongjiang.analytics.SkilledTalents;
import cn.gongjiang.analytics.TalentProfiles;
import cn.gongjiang.analytics.TrainingCircle;
import cn.gongjiang.analytics.TrainingSites;
import cn.gongjiang.analytics.Wages;
import cn.gongjiang.catalogue.CodeLists;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.CertificateType;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.Downloads;
import cn.gongjiang.shared.web.Formats;
import cn.gongjiang.shared.web.Sheets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The analysis API (ANA-1..4), scoped like everything else: regional officers read their region and what lies
 * under it, a worker their own profile, nobody else anything. Every view also downloads as xlsx, named in Chinese,
 * the workbook reading like the page.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Skilled shares, wages by grade, talent profiles, the 30-minute training circle")
class AnalyticsApiController {

	private final SkilledTalents skilled;
	private final EmploymentStatistics statistics;
	private final Wages wages;
	private final IncomeBands bands;
	private final TalentProfiles profiles;
	private final TrainingCircle circle;
	private final TrainingSites sites;
	private final AnalyticsTables tables;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final CodeLists codeLists;
	private final MessageSource messages;

	AnalyticsApiController(SkilledTalents skilled, EmploymentStatistics statistics, Wages wages, IncomeBands bands,
			TalentProfiles profiles, TrainingCircle circle, TrainingSites sites, AnalyticsTables tables,
			RegionDirectory regions, OccupationCatalogue occupations, CodeLists codeLists, MessageSource messages) {
		this.skilled = skilled;
		this.statistics = statistics;
		this.wages = wages;
		this.bands = bands;
		this.profiles = profiles;
		this.circle = circle;
		this.sites = sites;
		this.tables = tables;
		this.regions = regions;
		this.occupations = occupations;
		this.codeLists = codeLists;
		this.messages = messages;
	}

	// ---- ANA-1 ----

	@GetMapping("/skilled-shares")
	@Operation(summary = "Skilled and high-skilled talents of a region and its cities or counties, as of 31 December of a year (or now without one), with the shares against the employed persons where a figure exists")
	SkilledTalents.Shares shares(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year, @AuthenticationPrincipal Actor actor) {
		return skilled.shares(actor, region, year);
	}

	@GetMapping("/skilled-shares.xlsx")
	@Operation(summary = "The skilled shares as xlsx")
	void sharesXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String figure, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		var s = skilled.shares(actor, region, year);
		var when = s.asOf() == null ? "" : s.asOf().toString();
		var rows = new ArrayList<List<Object>>();
		var all = new ArrayList<SkilledTalents.ShareRow>();
		if (s.total() != null) {
			all.add(s.total());
		}
		all.addAll(s.children());
		for (var r : all) {
			rows.add(Sheets.row(r.regionName(), r.skilled(), r.highSkilled(), share(r.skilledShareOfEmployed(), locale),
					share(r.highSkilledShareOfSkilled(), locale), r.employed() == null ? word("analytics.employed.none", locale)
							: r.employed().persons(), r.employed() == null ? null : r.employed().year(),
					r.employed() == null ? null : r.employed().source(), r.manufacturingSkilled(),
					r.manufacturingHighSkilled()));
		}
		var grades = new ArrayList<List<Object>>();
		if (s.total() != null) {
			s.total().byGrade().forEach((g, n) -> grades.add(Sheets.row(gradeName(g, locale), n)));
		}
		var industries = s.industries().stream().map(i -> Sheets.row(fieldName(i.industryField(), locale),
				i.manufacturing() ? word("analytics.yes", locale) : "", i.skilled(), i.highSkilled())).toList();
		var file = download(response, word("analytics.file.shares", locale) + "-" + s.regionName() + "-" + when + ".xlsx");
		new Sheets().add("shares", title("analytics.shares.title", s.regionName(), when, locale),
				words(locale, "analytics.region", "analytics.skilled", "analytics.high", "analytics.share.employed",
						"analytics.share.high", "analytics.employed", "analytics.employed.year", "analytics.employed.source",
						"analytics.manufacturing.skilled", "analytics.manufacturing.high"), rows)
				.add("grades", title("analytics.shares.grades", s.regionName(), when, locale),
						words(locale, "analytics.grade", "analytics.persons"), grades)
				.add("industries", title("analytics.shares.industries", s.regionName(), when, locale),
						words(locale, "analytics.industry", "analytics.manufacturing", "analytics.skilled", "analytics.high"),
						industries)
				.only(figure).write(file);
	}

	@GetMapping("/employment-statistics")
	@Operation(summary = "Employed persons per region and year in force, paged, newest year first")
	Page<EmploymentStatistics.Figure> employment(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor) {
		return statistics.list(actor, region, year, PageRequest.of(page, size, null, Map.of(), null));
	}

	@PostMapping("/employment-statistics")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record employed persons of a region and year with the source document; a changed figure supersedes the old one")
	EmploymentStatistics.Figure recordEmployment(@RequestBody EmploymentStatistics.Form form,
			@AuthenticationPrincipal Actor actor) {
		return statistics.record(actor, form);
	}

	@PostMapping("/rebuilds")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rebuild the analytics tables now (province and city officers); answers when done, with each step's rows and time")
	AnalyticsTables.Rebuild rebuild(@AuthenticationPrincipal Actor actor) {
		return tables.rebuild(actor);
	}

	@GetMapping("/rebuilds")
	@Operation(summary = "The last rebuilds of the analytics tables")
	List<AnalyticsTables.Rebuild> rebuilds(@AuthenticationPrincipal Actor actor) {
		if (!actor.role().officer()) {
			throw new AccessDeniedException("officers");
		}
		return tables.recent(20);
	}

	// ---- ANA-2 ----

	@GetMapping("/wages")
	@Operation(summary = "Wage quartiles by grade or occupation group for a region, year and source (WAGE_SURVEY, SOCIAL_INSURANCE, JOB_POSTING, DEMAND), with small cells suppressed, the grade premium, the trend and the middle-income band")
	Wages.Table wages(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String source,
			@AuthenticationPrincipal Actor actor) {
		return wages.table(actor, region, year, source, Wages.GroupBy.of(groupBy));
	}

	@GetMapping("/wages.xlsx")
	@Operation(summary = "The wage table as xlsx, suppressed cells as words")
	void wagesXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String source,
			@AuthenticationPrincipal Actor actor, Locale locale, HttpServletResponse response) throws IOException {
		var t = wages.table(actor, region, year, source, Wages.GroupBy.of(groupBy));
		var file = download(response, word("analytics.file.wages", locale) + "-" + t.regionName() + "-" + (t.year() == null ? ""
				: t.year()) + ".xlsx");
		var rows = new ArrayList<List<Object>>();
		for (var f : t.rows()) {
			rows.add(wageRow(f, t.groupBy() == Wages.GroupBy.GRADE ? gradeName(f.key(), locale)
					: occupationName(f.key()), locale));
		}
		if (t.total() != null) {
			rows.add(wageRow(t.total(), word("analytics.total", locale), locale));
		}
		var trend = new ArrayList<List<Object>>();
		t.trend().forEach(tr -> tr.medians().forEach((y, m) -> trend.add(Sheets.row(gradeName(tr.grade(), locale), y,
				m == null ? word("analytics.hidden.FEW_FOR_QUANTILES", locale) : (Object) Math.round(m)))));
		var source_ = word("analytics.source." + t.source(), locale);
		new Sheets().add("wages", title("analytics.wages.title", t.regionName(), (t.year() == null ? "" : t.year()) + " · "
				+ source_, locale), words(locale, t.groupBy() == Wages.GroupBy.GRADE ? "analytics.grade"
						: "analytics.occupation-group", "analytics.persons", "analytics.p25", "analytics.p50",
						"analytics.p75", "analytics.exact", "analytics.premium", "analytics.band.share"), rows)
				.add("trend", title("analytics.wages.trend", t.regionName(), source_, locale),
						words(locale, "analytics.grade", "analytics.year", "analytics.p50"), trend)
				.write(file);
	}

	@GetMapping("/income-bands")
	@Operation(summary = "The middle-income band, every version, newest first")
	List<IncomeBands.Band> bands() {
		return bands.history();
	}

	record BandForm(Integer lowerYuan, Integer upperYuan, LocalDate validFrom, String source) {
	}

	@PostMapping("/income-bands")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A new version of the middle-income band (province officers), with its source")
	IncomeBands.Band setBand(@RequestBody BandForm form, @AuthenticationPrincipal Actor actor) {
		return bands.set(actor, form.lowerYuan() == null ? 0 : form.lowerYuan(),
				form.upperYuan() == null ? 0 : form.upperYuan(), form.validFrom(), form.source());
	}

	// ---- ANA-3 ----

	@GetMapping("/profiles/regions/{code}")
	@Operation(summary = "A region's profile, or an industry's inside it (industry = a field code or 'manufacturing')")
	TalentProfiles.RegionProfile regionProfile(@PathVariable String code, @RequestParam(required = false) String industry,
			@AuthenticationPrincipal Actor actor) {
		return profiles.region(actor, code, industry);
	}

	@GetMapping("/profiles/regions/{code}.xlsx")
	@Operation(summary = "A region's profile as xlsx, one sheet per figure")
	void regionProfileXlsx(@PathVariable String code, @RequestParam(required = false) String industry,
			@RequestParam(required = false) String figure, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		var p = profiles.region(actor, code, industry);
		var when = p.asOf() == null ? "" : p.asOf().toString();
		var file = download(response, word("analytics.file.profile", locale) + "-" + p.regionName() + "-" + when + ".xlsx");
		var sheets = new Sheets();
		if (p.figures() != null) {
			var f = p.figures();
			sheets.add("figures", title("analytics.profile.figures", p.regionName(), when, locale),
					words(locale, "analytics.skilled", "analytics.high", "analytics.share.employed", "analytics.share.high",
							"analytics.manufacturing.skilled", "analytics.manufacturing.high"),
					List.of(Sheets.row(f.skilled(), f.highSkilled(), share(f.skilledShareOfEmployed(), locale),
							share(f.highSkilledShareOfSkilled(), locale), f.manufacturingSkilled(),
							f.manufacturingHighSkilled())));
		}
		sheets.add("pyramid", title("analytics.profile.pyramid", p.regionName(), when, locale),
				words(locale, "analytics.grade", "analytics.sex.M", "analytics.sex.F", "analytics.sex.U"),
				p.pyramid().stream().map(r -> Sheets.row(gradeName(r.grade(), locale), r.male(), r.female(), r.unknown()))
						.toList())
				.add("ages", title("analytics.profile.ages", p.regionName(), when, locale),
						words(locale, "analytics.age", "analytics.persons"),
						p.ages().stream().map(a -> Sheets.row(word("analytics.age." + a.key(), locale), a.persons())).toList())
				.add("groups", title("analytics.profile.groups", p.regionName(), when, locale),
						words(locale, "analytics.group", "analytics.skilled", "analytics.high"),
						p.groups().stream().map(g -> Sheets.row(codeLists.nameOf("person-group", g.group(), locale),
								g.skilled(), g.highSkilled())).toList())
				.add("demand", title("analytics.profile.demand", p.regionName(), when, locale),
						words(locale, "analytics.occupation", "analytics.demanded", "analytics.certified"),
						occupationRows(p.mostDemanded()))
				.add("certified", title("analytics.profile.certified", p.regionName(), when, locale),
						words(locale, "analytics.occupation", "analytics.demanded", "analytics.certified"),
						occupationRows(p.mostCertified()))
				.add("training", title("analytics.profile.training", p.regionName(), when, locale),
						words(locale, "analytics.year", "analytics.enrolled", "analytics.completed"),
						p.training().stream().map(t -> Sheets.row(t.year(), t.enrolled(), t.completed())).toList());
		if (p.wages() != null) {
			sheets.add("wages", title("analytics.wages.title", p.regionName(), word("analytics.source."
					+ p.wages().source(), locale), locale), words(locale, "analytics.grade", "analytics.persons",
							"analytics.p25", "analytics.p50", "analytics.p75", "analytics.exact", "analytics.premium",
							"analytics.band.share"),
					p.wages().rows().stream().map(f -> wageRow(f, gradeName(f.key(), locale), locale)).toList());
		}
		sheets.only(figure).write(file);
	}

	@GetMapping("/profiles/persons/{id}")
	@Operation(summary = "A person's profile: grades and certificates over time, trainings, subsidies, jobs and placements, matching postings, the next grade (the person themselves or officers of their region)")
	TalentProfiles.PersonProfile personProfile(@PathVariable long id, @AuthenticationPrincipal Actor actor,
			Locale locale) {
		return profiles.person(actor, PersonId.of(id), locale);
	}

	@GetMapping("/profiles/me")
	@Operation(summary = "The signed-in worker's own profile")
	TalentProfiles.PersonProfile mine(@AuthenticationPrincipal Actor actor, Locale locale) {
		return profiles.mine(actor, locale);
	}

	@GetMapping("/profiles/persons/{id}.xlsx")
	@Operation(summary = "A person's profile as xlsx")
	void personXlsx(@PathVariable(required = false) Long id, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		var p = id == null ? profiles.mine(actor, locale) : profiles.person(actor, PersonId.of(id), locale);
		var file = download(response, word("analytics.file.person", locale) + "-" + p.person().name() + ".xlsx");
		var entries = new ArrayList<List<Object>>();
		for (var group : List.of(p.trainings(), p.subsidies(), p.jobs())) {
			group.forEach(e -> entries.add(Sheets.row(e.on().toString(), e.title(), e.detail())));
		}
		new Sheets().add("grades", title("analytics.profile.grades", p.person().name(), p.person().idNumber(), locale),
				words(locale, "analytics.date", "analytics.grade", "analytics.occupation", "analytics.certificate"),
				p.grades().stream().map(g -> Sheets.row(g.on().toString(), gradeName(g.grade(), locale),
						occupationName(g.occupationCode()), g.certificateNumber())).toList())
				.add("certificates", title("analytics.profile.certificates", p.person().name(), p.person().idNumber(), locale),
						words(locale, "analytics.certificate", "analytics.certificate.type", "analytics.occupation",
								"analytics.grade", "analytics.date", "analytics.certificate.status"),
						p.certificates().stream().map(c -> Sheets.row(c.number(), typeName(c.type(), locale),
								occupationName(c.occupationCode()), gradeName(c.grade(), locale), c.issuedOn().toString(),
								word("analytics.certificate.status." + c.status(), locale))).toList())
				.add("archive", title("analytics.profile.archive", p.person().name(), p.person().idNumber(), locale),
						words(locale, "analytics.date", "analytics.entry", "analytics.detail"), entries)
				.add("jobs", title("analytics.profile.jobs", p.person().name(), p.person().idNumber(), locale),
						words(locale, "analytics.score", "analytics.job", "analytics.enterprise", "analytics.occupation"),
						p.matchingJobs().stream().map(j -> Sheets.row(j.rank(), j.title(), j.enterpriseName(),
								occupationName(j.occupationCode()))).toList())
				.write(file);
	}

	@GetMapping("/profiles/me.xlsx")
	@Operation(summary = "The signed-in worker's own profile as xlsx")
	void mineXlsx(@AuthenticationPrincipal Actor actor, Locale locale, HttpServletResponse response)
			throws IOException {
		personXlsx(null, actor, locale, response);
	}

	// ---- ANA-4 ----

	@GetMapping("/training-circle")
	@Operation(summary = "The 30-minute training circle of a region (county = a county code, or a city or the province for coverage per county): points beyond 30 minutes (paged), coverage against 001's 2025 and 2027 milestones, the parameters used")
	TrainingCircle.Circle circle(@RequestParam(required = false) String county,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal Actor actor) {
		return circle.circle(actor, county, PageRequest.of(page, size, null, Map.of(), null));
	}

	@GetMapping("/training-circle.xlsx")
	@Operation(summary = "The circle as xlsx: coverage per county and every point beyond 30 minutes")
	void circleXlsx(@RequestParam(required = false) String county, @AuthenticationPrincipal Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		var c = circle.circle(actor, county, PageRequest.first(PageRequest.MAX_SIZE));
		var beyond = new ArrayList<List<Object>>();
		var page = 1;
		while (true) {
			var p = circle.circle(actor, county, new PageRequest(page, PageRequest.MAX_SIZE, null, false)).beyond();
			p.items().forEach(r -> beyond.add(Sheets.row(regions.placeOf(r.location().regionCode()), r.location().name(),
					word("analytics.category." + r.location().category(), locale),
					r.site() == null ? "" : r.site().name(), r.minutes() == null ? null : (Object) Math.round(r.minutes()),
					r.location().illustrative() ? word("analytics.illustrative", locale) : r.location().source())));
			if (!p.hasNext()) {
				break;
			}
			page++;
		}
		var file = download(response, word("analytics.file.circle", locale) + "-" + c.regionName() + ".xlsx");
		new Sheets().add("coverage", title("analytics.circle.coverage", c.regionName(), c.parameters().source(), locale),
				words(locale, "analytics.county", "analytics.circle.points", "analytics.circle.within",
						"analytics.circle.milestone2025", "analytics.circle.milestone2027"),
				c.counties().stream().map(k -> Sheets.row(k.countyName(), k.points(), k.within(),
						word("analytics.milestone." + k.milestone2025(), locale),
						word("analytics.milestone." + k.milestone2027(), locale))).toList())
				.add("beyond", title("analytics.circle.beyond", c.regionName(), "", locale),
						words(locale, "analytics.township", "analytics.circle.point", "analytics.circle.category",
								"analytics.circle.nearest", "analytics.circle.minutes", "analytics.circle.source"), beyond)
				.write(file);
	}

	@GetMapping("/calibration")
	@Operation(summary = "Timed trips of a region beside the estimate: correlation, share within 10 minutes, mean error")
	TrainingCircle.CalibrationView calibration(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal Actor actor) {
		return circle.calibration(actor, region, PageRequest.of(page, size, null, Map.of(), null));
	}

	record TripForm(Long locationId, Long siteId, Double minutes, LocalDate travelledOn, String mode) {
	}

	@PostMapping("/timed-trips")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a trip an officer timed from a township or village point to a training site")
	TrainingCircle.Trip recordTrip(@RequestBody TripForm form, @AuthenticationPrincipal Actor actor) {
		return circle.recordTrip(actor, form.locationId() == null ? 0 : form.locationId(),
				form.siteId() == null ? 0 : form.siteId(), form.minutes(), form.travelledOn(), form.mode());
	}

	@GetMapping("/training-sites")
	@Operation(summary = "Training sites: a provider's own, an officer's region's (county to narrow), paged")
	Page<TrainingSites.Site> sites(@RequestParam(required = false) String county,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal Actor actor) {
		return sites.list(actor, county, PageRequest.of(page, size, null, Map.of(), null));
	}

	@PostMapping("/training-sites")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a training site: a provider its own, an officer a public training base or station")
	TrainingSites.Site addSite(@RequestBody TrainingSites.Form form, @AuthenticationPrincipal Actor actor) {
		return sites.add(actor, form);
	}

	// ---- helpers ----

	private List<Object> wageRow(Wages.Figure f, String label, Locale locale) {
		var hidden = word("analytics.hidden." + f.hidden(), locale);
		return Sheets.row(label, f.persons() == null ? hidden : f.persons(),
				f.p25() == null ? hidden : (Object) Math.round(f.p25()), f.p50() == null ? hidden : (Object) Math.round(f.p50()),
				f.p75() == null ? hidden : (Object) Math.round(f.p75()),
				word(f.exact() ? "analytics.exact.yes" : "analytics.exact.no", locale), share(f.premium(), locale),
				share(f.inBandShare(), locale));
	}

	private List<List<Object>> occupationRows(List<TalentProfiles.OccupationRow> rows) {
		return rows.stream().map(o -> Sheets.row(occupationName(o.occupationCode()), o.demanded(), o.certified())).toList();
	}

	private static OutputStream download(HttpServletResponse response, String name) {
		return Downloads.attachment(response, name, Downloads.XLSX);
	}

	private String title(String key, Object a, Object b, Locale locale) {
		return messages.getMessage(key, new Object[] { a, b == null ? "" : b }, key, locale);
	}

	private List<String> words(Locale locale, String... keys) {
		return Arrays.stream(keys).map(k -> word(k, locale)).toList();
	}

	private String word(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private String share(Double share, Locale locale) {
		return share == null ? "—" : new Formats(locale).percent(share);
	}

	private String gradeName(String code, Locale locale) {
		if (code == null) {
			return "";
		}
		if ("none".equals(code)) {
			return word("analytics.grade.none", locale);
		}
		return SkillGrade.labelOf(code, locale);
	}

	private String fieldName(String code, Locale locale) {
		return code == null || code.isEmpty() ? word("analytics.industry.unknown", locale)
				: codeLists.nameOf("industry-field", code, locale);
	}

	private String occupationName(String code) {
		var name = code == null ? null : occupations.nameOf(code);
		return name == null ? "" : name.equals(code) ? code : name + " " + code;
	}

	private String typeName(String code, Locale locale) {
		try {
			return CertificateType.fromCode(code).name(locale);
		}
		catch (RuntimeException e) {
			return code;
		}
	}
}
