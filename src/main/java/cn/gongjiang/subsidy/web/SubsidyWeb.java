package cn.gongjiang.subsidy.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.multipart.MultipartFile;

import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.web.Downloads;
import cn.gongjiang.subsidy.SubsidyDecisions;
import cn.gongjiang.subsidy.claims.ClaimDocuments;
import cn.gongjiang.subsidy.payments.BankFile;

import jakarta.servlet.http.HttpServletResponse;

/** What the API and the console share: the decisions filter, bank files. */
final class SubsidyWeb {

	private SubsidyWeb() {
	}

	/** The decisions list's filter as a request gives it (GET parameters, so links and the export keep it). */
	static SubsidyDecisions.Filter filter(String certificateNumber, String outcome, String scheme, String region,
			LocalDate from, LocalDate to, String holder, Long claim) {
		return new SubsidyDecisions.Filter(blank(certificateNumber), null, blank(outcome), blank(scheme), null, claim,
				blank(region), from, to, blank(holder));
	}

	/** A request parameter left empty is no filter. */
	static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static BankFile.Format format(String name) {
		return switch (name == null ? "csv" : name.toLowerCase(Locale.ROOT)) {
			case "csv" -> BankFile.Format.CSV;
			case "csv-gbk", "gbk" -> BankFile.Format.CSV_GBK;
			case "xlsx" -> BankFile.Format.XLSX;
			default -> throw new InvalidValueException("subsidy.bank-file.format", name);
		};
	}

	/**
	 * Sends a batch's bank file as a download in the format asked for, named in Chinese for the clerk who files it:
	 * 支付批次12-银行文件.xlsx, 支付批次12-银行文件-GBK.csv.
	 */
	static void download(String formatName, long batchId, HttpServletResponse response, BankFileWriter writer)
			throws IOException {
		var format = format(formatName);
		var name = "支付批次" + batchId + "-银行文件" + switch (format) {
			case XLSX -> ".xlsx";
			case CSV_GBK -> "-GBK.csv";
			case CSV -> ".csv";
		};
		var file = Downloads.attachment(response, name, switch (format) {
			case XLSX -> Downloads.XLSX;
			case CSV_GBK -> Downloads.CSV + ";charset=GB18030";
			case CSV -> Downloads.CSV + ";charset=UTF-8";
		});
		writer.write(format, file);
	}

	/**
	 * The uploaded files as the claim keeps them; one over the size limit is refused before it is read into memory
	 * (the multipart limit is the imports', far larger).
	 */
	static List<ClaimDocuments.Upload> uploads(List<MultipartFile> files) {
		var uploads = new ArrayList<ClaimDocuments.Upload>();
		for (var file : files == null ? List.<MultipartFile>of() : files) {
			if (file == null || file.isEmpty()) {
				continue;
			}
			if (file.getSize() > ClaimDocuments.MAX_BYTES) {
				throw new InvalidValueException("subsidy.document.too-large", file.getOriginalFilename(),
						ClaimDocuments.MAX_BYTES / (1024 * 1024));
			}
			try {
				uploads.add(new ClaimDocuments.Upload(file.getOriginalFilename(), file.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return uploads;
	}

	/**
	 * An evidence file as a download under its original name (RFC 6266, UTF-8), of the type its content was found to
	 * be, never sniffed into another by the browser.
	 */
	static void send(ClaimDocuments.Content file, HttpServletResponse response) throws IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentLengthLong(file.bytes().length);
		try (var out = Downloads.attachment(response, file.document().fileName(), file.document().mediaType())) {
			out.write(file.bytes());
		}
	}

	@FunctionalInterface
	interface BankFileWriter {
		void write(BankFile.Format format, OutputStream out) throws IOException;
	}
}
