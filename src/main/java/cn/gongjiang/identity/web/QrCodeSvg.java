package cn.gongjiang.identity.web;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as inline SVG, drawn on the server (ZXing's encoder, no script and no image request: the content
 * security policy stays strict, and the secret it carries never leaves the page). One path of unit squares, so it
 * scales sharply to any size.
 */
final class QrCodeSvg {

	private static final int QUIET_ZONE = 4;

	private QrCodeSvg() {
	}

	static String of(String text, String label) {
		try {
			var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			var size = matrix.getWidth() + 2 * QUIET_ZONE;
			var path = new StringBuilder();
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
					}
				}
			}
			return """
					<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$d %1$d" width="200" height="200" \
					role="img" aria-label="%2$s" shape-rendering="crispEdges" class="qr-code">\
					<rect width="%1$d" height="%1$d" fill="#fff"/><path fill="#000" d="%3$s"/></svg>"""
					.formatted(size, escape(label), path);
		}
		catch (WriterException e) {
			throw new IllegalStateException("a TOTP URI always fits a QR code", e);
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
