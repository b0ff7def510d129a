package cn.gongjiang.shared.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A file the platform hands out, named in Chinese (RFC 6266 {@code filename*}, with an ASCII fallback for old
 * clients), never cached by a shared proxy: reports, lists and bank files carry personal or budget data.
 */
public final class Downloads {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	public static final String PDF = "application/pdf";
	public static final String CSV = "text/csv";

	private Downloads() {
	}

	public static void attachment(HttpServletResponse response, String fileName, String contentType) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
	}
}
