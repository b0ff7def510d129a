package cn.gongjiang.targets;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
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

	CityReports(EnrolmentProgress enrolment, TargetMonitor monitor, Rollups rollups, RegionDirectory regions, JdbcClient jdbc,
			ITemplateEngine templates, AuditLog audit, Clock clock,
			@Value("${gongjiang.reports.font:}") String fontPath) {
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
		return new CityReport(city.code(), city.name(), year, quarter, asOf,
				quarter == 0 ? LocalDate.of(year, 11, 30) : null, progress, counties, enrolment.byCity(city.path(), year),
				saved.isEmpty() ? "" : (String) saved.get("narrative"),
				saved.isEmpty() ? "DRAFT" : (String) saved.get("status"),
				saved.isEmpty() ? null : (String) saved.get("submitted_by"),
				saved.isEmpty() || saved.get("submitted_at") == null ? null
						: ((java.sql.Timestamp) saved.get("submitted_at")).toInstant());
	}

	/** The city writes its narrative; once submitted the report is the province's and stays as it was. */
	@Transactional
	public CityReport saveNarrative(Actor actor, String cityCode, int year, int quarter, String narrative,
			boolean submit) {
		var city = city(actor, cityCode);
		if (!actor.scope().regional() || !actor.scope().value().equals(city.code())) {
			audit.record(actor, "targets.report.write", cityCode, AuditOutcome.DENIED, null);
			throw new AccessDeniedException("the city writes its own report");
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

	public void writeXlsx(CityReport report, Map<String, Indicator> indicators, Locale locale, OutputStream out)
			throws IOException {
		var workbook = new Workbook(out, "Gongjiang", "1.0");
		var sheet = workbook.newWorksheet("进度");
		sheet.value(0, 0, report.regionName() + " " + report.title());
		sheet.value(1, 0, "数据截至");
		sheet.value(1, 1, report.asOf().toString());
		String[] header = { "指标", "对象", "期间", "目标", "单位", "实绩", "完成率", "序时进度", "状态", "来源" };
		for (int c = 0; c < header.length; c++) {
			sheet.value(3, c, header[c]);
			sheet.style(3, c).bold().set();
		}
		int r = 4;
		for (var p : report.progress()) {
			var t = p.target();
			sheet.value(r, 0, indicators.get(t.indicator()).name(locale));
			sheet.value(r, 1, t.label() == null ? report.regionName() : t.label());
			sheet.value(r, 2, t.periodLabel());
			if (t.value() == null) {
				sheet.value(r, 3, "待定");
			}
			else {
				sheet.value(r, 3, t.comparator().symbol() + t.value().stripTrailingZeros().toPlainString());
			}
			sheet.value(r, 4, indicators.get(t.indicator()).unit());
			if (p.actual() != null) {
				sheet.value(r, 5, p.actual());
			}
			if (p.progress() != null) {
				sheet.value(r, 6, p.progress());
				sheet.style(r, 6).format("0.0%").set();
			}
			sheet.value(r, 7, p.elapsedShare());
			sheet.style(r, 7).format("0.0%").set();
			sheet.value(r, 8, p.status().name());
			sheet.value(r, 9, t.source());
			r++;
		}
		if (!report.counties().isEmpty()) {
			var counties = workbook.newWorksheet("区县实绩");
			counties.value(0, 0, "指标");
			counties.value(0, 1, "区县");
			counties.value(0, 2, "区划代码");
			counties.value(0, 3, "实绩");
			int row = 1;
			for (var c : report.counties()) {
				counties.value(row, 0, indicators.get(c.indicator()).name(locale));
				counties.value(row, 1, c.regionName());
				counties.value(row, 2, c.regionCode());
				counties.value(row, 3, c.actual());
				row++;
			}
		}
		if (!report.enrolment().isEmpty()) {
			var intake = workbook.newWorksheet("技工院校招生");
			String[] columns = { "年度", "中级工班", "高级工班", "预备技师（技师）班", "合计", "高级工班及以上占比" };
			for (int c = 0; c < columns.length; c++) {
				intake.value(0, c, columns[c]);
			}
			int row = 1;
			for (var e : report.enrolment()) {
				intake.value(row, 0, e.year());
				intake.value(row, 1, e.intermediate());
				intake.value(row, 2, e.senior());
				intake.value(row, 3, e.technician());
				intake.value(row, 4, e.total());
				intake.value(row, 5, e.higherShare());
				intake.style(row, 5).format("0.0%").set();
				row++;
			}
		}
		var narrative = workbook.newWorksheet("工作总结");
		narrative.value(0, 0, report.narrative());
		workbook.finish();
	}

	public void writePdf(CityReport report, Map<String, Indicator> indicators, Locale locale, OutputStream out)
			throws IOException {
		var context = new Context(locale);
		context.setVariable("report", report);
		context.setVariable("indicators", indicators);
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

	private Region city(Actor actor, String code) {
		TargetScope.requireOfficer(actor);
		var region = regions.find(RegionCode.of(code), actor);
		if (region.level() != RegionLevel.CITY) {
			throw new NotFoundException("targets.report.not-a-city", code);
		}
		return region;
	}
}
