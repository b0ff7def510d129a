package cn.gongjiang.shared.web;

import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The multipart size limit ({@code spring.servlet.multipart.max-file-size}) and how going over it shows: it is hit
 * while Spring reads the request, before a controller is chosen, so no controller advice sees it.
 */
public final class UploadLimit {

	private UploadLimit() {
	}

	/** The limit as people write it (512 MB), for messages. */
	public static String of(Environment environment) {
		var size = environment.getProperty("spring.servlet.multipart.max-file-size", DataSize.class,
				DataSize.ofMegabytes(1));
		return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}

	/** The most a whole multipart request may hold ({@code spring.servlet.multipart.max-request-size}). */
	public static long maxRequestBytes(Environment environment) {
		return environment.getProperty("spring.servlet.multipart.max-request-size", DataSize.class,
				DataSize.ofMegabytes(10)).toBytes();
	}

	/** Spring's own exception, or Tomcat's size and part-count limits when they surface as a bare multipart failure. */
	public static boolean exceeded(Exception e) {
		if (e instanceof MaxUploadSizeExceededException) {
			return true;
		}
		if (e instanceof MultipartException) {
			for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
				if (cause instanceof SizeException || cause instanceof FileCountLimitExceededException) {
					return true;
				}
			}
		}
		return false;
	}
}
