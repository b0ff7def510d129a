package cn.gongjiang.subsidy.web;

import java.io.IOException;

import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.subsidy.BankFile;
import jakarta.servlet.http.HttpServletResponse;

/** What the API and the console share about bank files. */
final class SubsidyWeb {

	private SubsidyWeb() {
	}

	static BankFile.Format format(String name) {
		return switch (name == null ? "csv" : name.toLowerCase(java.util.Locale.ROOT)) {
			case "csv" -> BankFile.Format.CSV;
			case "csv-gbk", "gbk" -> BankFile.Format.CSV_GBK;
			case "xlsx" -> BankFile.Format.XLSX;
			default -> throw new InvalidValueException("subsidy.bank-file.format", name);
		};
	}

	/** Sends a batch's bank file as a download, in the format asked for. */
	static void download(String formatName, long batchId, HttpServletResponse response, BankFileWriter writer)
			throws IOException {
		var format = format(formatName);
		response.setContentType(switch (format) {
			case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
			case CSV_GBK -> "text/csv;charset=GB18030";
			case CSV -> "text/csv;charset=UTF-8";
		});
		response.setHeader("Content-Disposition", "attachment; filename=\"batch-" + batchId
				+ (format == BankFile.Format.XLSX ? ".xlsx" : ".csv") + "\"");
		writer.write(format, response.getOutputStream());
	}

	@FunctionalInterface
	interface BankFileWriter {
		void write(BankFile.Format format, java.io.OutputStream out) throws IOException;
	}
}
