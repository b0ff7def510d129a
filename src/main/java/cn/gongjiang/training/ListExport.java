package cn.gongjiang.training;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.Formats;
import cn.gongjiang.shared.web.Sheets;

/**
 * The three lists and the audit ledger as xlsx (DEM-2, SUP-4): one sheet, a bold header, one row per entry of the
 * filtered set, read like the page in the reader's language (names of occupations, grades, places, statuses and
 * sources; the code beside the name where officials quote codes); every export audited.
 */
@Component
public class ListExport {

	private final ThreeLists lists;
	private final TrainingSignals signals;
	private final OccupationCatalogue occupations;
	private final RegionDirectory regions;
	private final MessageSource messages;
	private final AuditLog audit;

	ListExport(ThreeLists lists, TrainingSignals signals, OccupationCatalogue occupations, RegionDirectory regions,
			MessageSource messages, AuditLog audit) {
		this.lists = lists;
		this.signals = signals;
		this.occupations = occupations;
		this.regions = regions;
		this.messages = messages;
		this.audit = audit;
	}

	public void keyEnterprises(Actor actor, TrainingFilter filter, Locale locale, OutputStream out) throws IOException {
		var words = new Words(locale);
		var rows = lists.keyEnterprises(actor, filter).stream().map(k -> List.<Object>of(k.name(), k.creditCode(),
				words.place(k.region()), text(k.cluster()), k.size() == null ? "" : words.msg("training.size." + k.size()),
				k.openHeadcount(), String.join(words.msg("training.xlsx.separator"),
						k.reasons().stream().map(r -> words.msg(r.code(), r.arguments().toArray())).toList())))
				.toList();
		write(out, words.msg("training.key-enterprises"), words.all("training.column.enterprise",
				"training.column.credit-code", "training.column.enterprise-county", "training.column.cluster",
				"training.column.size", "training.column.open-headcount", "training.reasons"), rows);
		audit.record(actor, "training.export.key-enterprises", null, AuditOutcome.SUCCESS, rows.size() + " rows");
	}

	public void labourDemand(Actor actor, TrainingFilter filter, Locale locale, OutputStream out) throws IOException {
		var words = new Words(locale);
		var rows = lists.labourDemand(actor, filter).stream().map(d -> List.<Object>of(d.enterpriseName(),
				d.enterpriseCode(), words.occupation(d.occupationCode()), d.occupationCode(), words.grade(d.grade()),
				d.headcount(), words.format.date(d.neededBy()),
				d.monthlyWage() == null ? "" : d.monthlyWage(), d.trainHeadcount(), words.place(d.placeCounty()),
				words.msg("training.source." + d.source()))).toList();
		write(out, words.msg("training.labour-demand"), words.all("training.column.enterprise",
				"training.column.credit-code", "training.column.occupation", "training.column.occupation-code",
				"training.column.grade", "training.column.headcount", "training.column.needed-by",
				"training.column.wage", "training.column.train", "training.column.place", "training.column.source"), rows);
		audit.record(actor, "training.export.labour-demand", null, AuditOutcome.SUCCESS, rows.size() + " rows");
	}

	public void trainingOrders(Actor actor, TrainingFilter filter, Locale locale, OutputStream out) throws IOException {
		var words = new Words(locale);
		var rows = lists.trainingOrders(actor, filter).stream().map(t -> List.<Object>of(t.enterpriseName(),
				t.enterpriseCode(), words.occupation(t.occupationCode()), t.occupationCode(), words.grade(t.grade()),
				t.trainHeadcount(), words.place(t.placeCounty()), t.orderId() == null ? "" : t.orderId(),
				words.msg("training.order.status." + (t.orderStatus() == null ? "NONE" : t.orderStatus())),
				text(t.providerName()))).toList();
		write(out, words.msg("training.training-orders"), words.all("training.column.enterprise",
				"training.column.credit-code", "training.column.occupation", "training.column.occupation-code",
				"training.column.grade", "training.column.train", "training.column.training-place",
				"training.column.order", "training.column.order-status", "training.column.provider"), rows);
		audit.record(actor, "training.export.training-orders", null, AuditOutcome.SUCCESS, rows.size() + " rows");
	}

	/** SUP-4: the year's enrolments for the third-party audit; the caller checks who may have it and audits it. */
	/** The year's training records for the third-party audit (SUP-4): one row per trainee of every class. */
	public Sheets.Sheet auditSheet(int year, Locale locale) {
		var words = new Words(locale);
		var rows = signals.auditRows(year).stream().map(r -> List.<Object>of(r.classId(), r.providerName(),
				words.occupation(r.occupationCode()), words.grade(r.grade()), words.msg("training.kind." + r.kind()),
				r.orderId() == null ? "" : r.orderId(), r.enrolmentId(), r.idNumberMasked(),
				words.msg("training.enrolment." + r.status()),
				r.result() == null ? "" : words.msg("training.result." + r.result()), text(r.certificateNumber()),
				r.voucherId() == null ? "" : r.voucherId(),
				r.voucherStatus() == null ? "" : words.msg("training.voucher.status." + r.voucherStatus()),
				r.attended(), r.sessions(), r.occupationCode())).toList();
		return new Sheets.Sheet(words.msg("training.xlsx.audit.sheet"), words.msg("training.xlsx.audit",
				words.format.year(year)), words.all("training.column.class",
				"training.column.provider", "training.column.occupation", "training.column.grade",
				"training.column.kind", "training.column.order", "training.column.enrolment",
				"training.column.id-masked", "training.column.status", "training.column.result",
				"training.column.certificate", "training.column.voucher", "training.column.voucher-status",
				"training.column.attended", "training.column.sessions", "training.column.occupation-code"), rows);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	/** The words of one file, in its reader's language. */
	private final class Words {

		final Locale locale;
		final Formats format;

		Words(Locale locale) {
			this.locale = locale;
			this.format = new Formats(locale);
		}

		String msg(String code, Object... arguments) {
			return messages.getMessage(code, arguments, code, locale);
		}

		List<String> all(String... codes) {
			return Arrays.stream(codes).map(this::msg).toList();
		}

		String occupation(String code) {
			return code == null ? "" : occupations.nameOf(code);
		}

		String grade(String code) {
			if (code == null || code.isBlank()) {
				return msg("training.grade.any");
			}
			return SkillGrade.labelOf(code, locale);
		}

		String place(String code) {
			return code == null ? "" : regions.placeOf(code);
		}
	}

	static void write(OutputStream out, String sheetName, List<String> header, List<List<Object>> rows)
			throws IOException {
		var workbook = new Workbook(out, "Gongjiang", "1.0");
		var sheet = workbook.newWorksheet(sheetName);
		for (int c = 0; c < header.size(); c++) {
			sheet.value(0, c, header.get(c));
			sheet.style(0, c).bold().set();
		}
		for (int r = 0; r < rows.size(); r++) {
			var row = rows.get(r);
			for (int c = 0; c < row.size(); c++) {
				var v = row.get(c);
				if (v instanceof Number n) {
					sheet.value(r + 1, c, n);
				}
				else {
					sheet.value(r + 1, c, String.valueOf(v));
				}
			}
		}
		workbook.finish();
	}
}
