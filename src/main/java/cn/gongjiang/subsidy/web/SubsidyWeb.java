package cn.gongjiang.subsidy.web;

import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.subsidy.BankFile;

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

	static String extension(BankFile.Format format) {
		return format == BankFile.Format.XLSX ? ".xlsx" : ".csv";
	}
}
