package cn.gongjiang.targets;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.enrolment.EnrolmentProgress;
import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.shared.security.Actor;

/** TGT-4: quarterly city reports and the yearly summary, on screen, as xlsx and as PDF. */
@Service
public class CityReports {

	/** Debian's fonts-droid-fallback: a TrueType CJK font PDFBox can embed (Noto CJK is CFF, which it cannot). */
	static final List<String> FONT_CANDIDATES = List.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf");

	private final TargetMonitor monitor;
	private final Rollups rollups;
	private final RegionDirectory regions;
	private final JdbcClient jdbc;
	private final ITemplateEngine templates;
	private final AuditLog audit;
	private final Clock clock;
	private final String fontPath;
	private final EnrolmentProgress enrolment;
	private final TargetWords words;
	private final int reportDueDay;

	CityReports(EnrolmentProgress enrolment, TargetMonitor monitor, Rollups rollups, RegionDirectory regions, JdbcClient jdbc,
			ITemplateEngine templates, AuditLog audit, Clock clock,
			@Value("${gongjiang.reports.font:}") String fontPath, TargetWords words,
			@Value("${gongjiang.targets.report-due-day:10}") int reportDueDay) {
		this.words = words;
		this.reportDueDay = reportDueDay;
		this.monitor = monitor;
		this.rollups = rollups;
		this.regions = regions;
		this.jdbc = jdbc;
		this.templates = templates;
		this.audit = audit;
		this.clock = clock;
		this.fontPath = fontPath;
		this.enrolment = enrolment;
	}

	@Transactional(readOnly = true)
	public CityReport report(Actor actor, String cityCode, int year, int quarter) {
		var city = city(actor, cityCode);
		if (quarter < 0 || quarter > 4) {
			throw new InvalidValueException("targets.report.quarter", quarter);
		}
		var today = LocalDate.now(clock);
		var periodEnd = quarter == 0 ? LocalDate.of(year, 12, 31) : LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
		var asOf = periodEnd.isAfter(today) ? today : periodEnd;
		var progress = monitor.progress(actor, new TargetMonitor.Query(null, city.code(), false, null, year, asOf));
		var indicators = monitor.indicators().stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
		var counties = new ArrayList<CityReport.CountyActual>();
		var computed = progress.stream().map(p -> indicators.get(p.target().indicator())).filter(Indicator::computed)
				.distinct().toList();
		var children = regions.children(RegionCode.of(city.code()), actor);
		for (var indicator : computed) {
			for (var county : children) {
				counties.add(new CityReport.CountyActual(indicator.code(), county.code(), county.name(),
						rollups.total(indicator.fact(), county.code(), indicator.code().endsWith("_CUMULATIVE") ? null
								: LocalDate.of(year, 1, 1), asOf)));
			}
		}
		var saved = jdbc.sql("select * from targets.city_report where region_code = :city and year = :year and quarter = :q")
				.param("city", city.code()).param("year", year).param("q", quarter).query().listOfRows().stream()
				.findFirst().orElse(Map.of());
		return new CityReport(city.code(), city.name(), year, quarter, asOf, dueOn(year, quarter), progress, counties, enrolment.byCity(city.path(), year),
				saved.isEmpty() ? "" : (String) saved.get("narrative"),
				saved.isEmpty() ? "DRAFT" : (String) saved.get("status"),
				saved.isEmpty() ? null : (String) saved.get("submitted_by"),
				saved.isEmpty() || saved.get("submitted_at") == null ? null
						: ((Timestamp) saved.get("submitted_at")).toInstant());
	}

	/**
	 * When a report is due: the yearly summary by 30 November (002 三(二)); a quarterly report on the
	 * {@code gongjiang.targets.report-due-day} of the month after its quarter (000 三(一) says 每季度 and sets no day;
	 * the province sets it, 10 by default).
	 */
	public LocalDate dueOn(int year, int quarter) {
		if (quarter == 0) {
			return LocalDate.of(year, 11, 30);
		}
		return LocalDate.of(year, quarter * 3, 1).plusMonths(1).withDayOfMonth(reportDueDay);
	}

	/** One report of the list: a city's quarter (0: the year), when it is due, and whether it has gone in. */
	public record Entry(String cityCode, String cityName, int year, int quarter, LocalDate dueOn, String status,
			String submittedBy, Instant submittedAt) {

		public boolean submitted() {
			return "SUBMITTED".equals(status);
		}

		public boolean overdue(LocalDate today) {
			return !submitted() && today.isAfter(dueOn);
		}
	}

	/** The year's reports the reader follows: a city its own five, the province every city's. */
	@Transactional(readOnly = true)
	public List<Entry> overview(Actor actor, int year) {
		TargetScope.requireOfficer(actor);
		List<Region> cities;
		if (TargetScope.province(actor)) {
			cities = regions.children(RegionCode.ZHEJIANG, actor);
		}
		else if (actor.scope().regional() && RegionPath.of(actor.scope().regionPath()).depth() == RegionPath.CITY) {
			cities = List.of(regions.find(RegionCode.of(actor.scope().value()), actor));
		}
		else {
			return List.of();
		}
		var saved = jdbc.sql("select * from targets.city_report where year = :year").param("year", year).query()
				.listOfRows().stream().collect(Collectors.toMap(r -> r.get("region_code") + "/" + r.get("quarter"),
						Function.identity()));
		var entries = new ArrayList<Entry>();
		for (var city : cities) {
			for (int quarter : new int[] { 1, 2, 3, 4, 0 }) {
				var row = saved.get(city.code() + "/" + quarter);
				entries.add(new Entry(city.code(), city.name(), year, quarter, dueOn(year, quarter),
						row == null ? "DRAFT" : (String) row.get("status"),
						row == null ? null : (String) row.get("submitted_by"),
						row == null || row.get("submitted_at") == null ? null
								: ((Timestamp) row.get("submitted_at")).toInstant()));
			}
		}
		return entries;
	}

	/** A city's reports not yet submitted whose date has come or comes within {@code days}; how many, and the nearest. */
	public record Owed(long count, LocalDate nearest) {
	}

	@Transactional(readOnly = true)
	public Owed owed(Actor actor, LocalDate today, int days) {
		if (!actor.regionalOfficer() || RegionPath.of(actor.scope().regionPath()).depth() != RegionPath.CITY) {
			return new Owed(0, null);
		}
		var horizon = today.plusDays(days);
		var owed = Stream.of(today.getYear() - 1, today.getYear())
				.flatMap(y -> overview(actor, y).stream())
				.filter(e -> !e.submitted() && !e.dueOn().isAfter(horizon) && e.dueOn().isAfter(today.minusYears(1)))
				.map(Entry::dueOn).sorted().toList();
		return new Owed(owed.size(), owed.isEmpty() ? null : owed.get(0));
	}

	/** The city writes its narrative; once submitted the report is the province's and stays as it was. */
	@Transactional
	public CityReport saveNarrative(Actor actor, String cityCode, int year, int quarter, String narrative,
			boolean submit) {
		var city = city(actor, cityCode);
		if (!actor.scope().regional() || !actor.scope().value().equals(city.code())) {
			throw actor.refuse("targets.report.write", cityCode, null);
		}
		if (quarter < 0 || quarter > 4) {
			throw new InvalidValueException("targets.report.quarter", quarter);
		}
		var text = narrative == null ? "" : narrative.strip();
		if (submit && text.isEmpty()) {
			throw new InvalidValueException("targets.report.narrative-required");
		}
		int written = jdbc.sql("""
				insert into targets.city_report as r (region_code, year, quarter, narrative, status, submitted_by, submitted_at)
				values (:city, :year, :q, :text, :status, :user, case when :submit then now() end)
				on conflict (region_code, year, quarter) do update set narrative = excluded.narrative,
				    status = excluded.status, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at
				where r.status = 'DRAFT'
				""").param("city", city.code()).param("year", year).param("q", quarter).param("text", text)
				.param("status", submit ? "SUBMITTED" : "DRAFT").param("user", submit ? actor.username() : null)
				.param("submit", submit).update();
		if (written == 0) {
			throw new ConflictException("targets.report.submitted");
		}
		audit.record(actor, submit ? "targets.report.submit" : "targets.report.save",
				city.code() + "/" + year + "/" + quarter, AuditOutcome.SUCCESS, null);
		return report(actor, cityCode, year, quarter);
	}

	/** The report's file name in the reader's language: 绍兴市-2026年第3季度工作报告.xlsx */
	public String fileName(CityReport report, Locale locale, String extension) {
		return report.regionName() + "-" + words.reportTitle(report.year(), report.quarter(), locale) + "." + extension;
	}

	/** The report as a workbook that reads like its page: names, words and units, no codes. */
	public void writeXlsx(CityReport report, Map<String, Indicator> indicators, Locale locale, OutputStream out)
			throws IOException {
		var workbook = new Workbook(out, "Gongjiang", "1.0");
		var sheet = workbook.newWorksheet(words.message("targets.file.sheet.progress", locale));
		sheet.value(0, 0, report.regionName() + " " + words.reportTitle(report.year(), report.quarter(), locale));
		sheet.value(1, 0, words.message("targets.as-of", locale));
		sheet.value(1, 1, report.asOf().toString());
		sheet.value(2, 0, words.message("targets.report.due-on", locale));
		sheet.value(2, 1, report.dueOn().toString());
		String[] header = { "targets.indicator", "targets.file.subject", "targets.period", "targets.target",
				"targets.actual", "targets.progress", "targets.elapsed", "targets.status", "targets.actual-source.title",
				"targets.source" };
		for (int c = 0; c < header.length; c++) {
			sheet.value(4, c, words.message(header[c], locale));
			sheet.style(4, c).bold().set();
		}
		int r = 5;
		for (var p : report.progress()) {
			var t = p.target();
			sheet.value(r, 0, indicators.get(t.indicator()).name(locale));
			sheet.value(r, 1, t.label() == null ? report.regionName() : t.label());
			sheet.value(r, 2, words.period(t, locale));
			sheet.value(r, 3, words.figure(t, locale));
			sheet.value(r, 4, words.amount(p.actual(), t.indicator(), locale));
			if (p.progress() != null) {
				sheet.value(r, 5, p.progress());
				sheet.style(r, 5).format("0.0%").set();
			}
			sheet.value(r, 6, p.elapsedShare());
			sheet.style(r, 6).format("0.0%").set();
			sheet.value(r, 7, words.status(p.status(), locale));
			sheet.value(r, 8, words.actualSource(p.actualSource(), locale));
			sheet.value(r, 9, t.source());
			r++;
		}
		if (!report.counties().isEmpty()) {
			var counties = workbook.newWorksheet(words.message("targets.file.sheet.counties", locale));
			counties.value(0, 0, words.message("targets.indicator", locale));
			counties.value(0, 1, words.message("targets.county", locale));
			counties.value(0, 2, words.message("targets.actual", locale));
			int row = 1;
			for (var c : report.counties()) {
				counties.value(row, 0, indicators.get(c.indicator()).name(locale));
				counties.value(row, 1, c.regionName());
				counties.value(row, 2, words.amount(c.actual(), c.indicator(), locale));
				row++;
			}
		}
		if (!report.enrolment().isEmpty()) {
			var intake = workbook.newWorksheet(words.message("targets.file.sheet.enrolment", locale));
			String[] columns = { "targets.year", "enrolment.level.INTERMEDIATE", "enrolment.level.SENIOR",
					"enrolment.level.TECHNICIAN", "enrolment.total", "enrolment.higher-share" };
			for (int c = 0; c < columns.length; c++) {
				intake.value(0, c, words.message(columns[c], locale));
			}
			int row = 1;
			for (var e : report.enrolment()) {
				intake.value(row, 0, String.valueOf(e.year()));
				intake.value(row, 1, e.intermediate());
				intake.value(row, 2, e.senior());
				intake.value(row, 3, e.technician());
				intake.value(row, 4, e.total());
				intake.value(row, 5, e.higherShare());
				intake.style(row, 5).format("0.0%").set();
				row++;
			}
		}
		var narrative = workbook.newWorksheet(words.message("targets.report.narrative", locale));
		narrative.value(0, 0, report.narrative());
		workbook.finish();
	}

	public void writePdf(CityReport report, Map<String, Indicator> indicators, Locale locale, OutputStream out)
			throws IOException {
		var context = new Context(locale);
		context.setVariable("report", report);
		context.setVariable("indicators", indicators);
		context.setVariable("words", words);
		var html = templates.process("targets/report-pdf", context);
		var builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(font(), "CJK");
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		builder.run();
	}

	File font() {
		var candidates = fontPath.isBlank() ? FONT_CANDIDATES : List.of(fontPath);
		return candidates.stream().map(File::new).filter(File::canRead).findFirst()
				.orElseThrow(() -> new IllegalStateException("No CJK TrueType font for PDF reports; install "
						+ "fonts-droid-fallback or set gongjiang.reports.font (tried " + candidates + ")"));
	}

	/**
	 * a city's report is read by the officers of that city and of the province, the two ends of 000 三(一)'s
	 * quarterly reporting; a county sees its own figures on the targets dashboard, a department its task lines.
	 * Anything else answers as if the city had no report.
	 */
	private Region city(Actor actor, String code) {
		TargetScope.requireOfficer(actor);
		var region = regions.find(RegionCode.of(code), actor);
		if (region.level() != RegionLevel.CITY) {
			throw new NotFoundException("targets.report.not-a-city", code);
		}
		if (!actor.officerCovering(region.path())) {
			audit.record(actor, "targets.report.read", code, AuditOutcome.DENIED, null);
			throw new NotFoundException("region.not-found", code);
		}
		return region;
	}
}
