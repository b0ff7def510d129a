package cn.gongjiang.shared.web;

import java.io.IOException;
import java.io.OutputStream;
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

	/**
	 * The file's body. The response becomes an attachment only at the first byte written, so a refusal raised while
	 * the file is being put together (no permission, not found) still goes out as its own problem detail, 403 or 404,
	 * instead of failing on a stream already taken.
	 */
	public static OutputStream attachment(HttpServletResponse response, String fileName, String contentType) {
		return new OutputStream() {

			private OutputStream out;

			private OutputStream out() throws IOException {
				if (out == null) {
					response.setContentType(contentType);
					response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
							ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
					response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
					out = response.getOutputStream();
				}
				return out;
			}

			@Override
			public void write(int b) throws IOException {
				out().write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out().write(b, off, len);
			}

			@Override
			public void flush() throws IOException {
				if (out != null) {
					out.flush();
				}
			}

			@Override
			public void close() throws IOException {
				out().close();
			}
		};
	}
}
