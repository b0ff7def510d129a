package cn.gongjiang.training;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.springframework.stereotype.Component;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.security.Actor;

/** The three lists as xlsx (DEM-2): one sheet, a bold header, one row per entry; every export audited. */
@Component
public class ListExport {

	private final ThreeLists lists;
	private final AuditLog audit;

	ListExport(ThreeLists lists, AuditLog audit) {
		this.lists = lists;
		this.audit = audit;
	}

	public void keyEnterprises(Actor actor, OutputStream out) throws IOException {
		var rows = lists.keyEnterprises(actor).stream().map(k -> List.<Object>of(k.name(), k.creditCode(), k.region(),
				k.cluster() == null ? "" : k.cluster(), k.size() == null ? "" : k.size(), k.openHeadcount(),
				String.join("；", k.reasons()))).toList();
		write(out, "重点企业名单", List.of("企业", "统一社会信用代码", "所在县（市、区）", "产业集群", "规模", "用工需求（人）", "列入理由"), rows);
		audit.record(actor, "training.export.key-enterprises", null, AuditOutcome.SUCCESS, rows.size() + " rows");
	}

	public void labourDemand(Actor actor, OutputStream out) throws IOException {
		var rows = lists.labourDemand(actor).stream().map(d -> List.<Object>of(d.enterpriseName(), d.enterpriseCode(),
				d.occupationCode(), d.grade() == null ? "" : d.grade(), d.headcount(), d.neededBy().toString(),
				d.monthlyWage() == null ? "" : d.monthlyWage(), d.trainHeadcount(), d.placeCounty(), d.source())).toList();
		write(out, "用工需求清单", List.of("企业", "统一社会信用代码", "职业（工种）", "等级", "需求人数", "需求时间", "月薪（元）",
				"需培训人数", "用工地", "来源"), rows);
		audit.record(actor, "training.export.labour-demand", null, AuditOutcome.SUCCESS, rows.size() + " rows");
	}

	public void trainingOrders(Actor actor, OutputStream out) throws IOException {
		var rows = lists.trainingOrders(actor).stream().map(t -> List.<Object>of(t.enterpriseName(), t.enterpriseCode(),
				t.occupationCode(), t.grade() == null ? "" : t.grade(), t.trainHeadcount(), t.placeCounty(),
				t.orderId() == null ? "" : t.orderId(), t.orderStatus() == null ? "未下单" : t.orderStatus(),
				t.providerName() == null ? "" : t.providerName())).toList();
		write(out, "职业技能培训订单清单", List.of("企业", "统一社会信用代码", "职业（工种）", "等级", "培训人数", "培训地", "订单号",
				"订单状态", "承接机构"), rows);
		audit.record(actor, "training.export.training-orders", null, AuditOutcome.SUCCESS, rows.size() + " rows");
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
