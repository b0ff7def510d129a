package cn.gongjiang.training.web;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as inline SVG, drawn on the server (ZXing): one path of unit squares, so the page needs no script and no
 * image request, and the CSP allows it (no style, no script).
 */
final class QrSvg {

	private QrSvg() {
	}

	static String of(String text, String label) {
		try {
			var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			var path = new StringBuilder();
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			var size = matrix.getWidth();
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"check-in-qr\" role=\"img\" viewBox=\"0 0 " + size
					+ " " + size + "\" width=\"200\" height=\"200\" shape-rendering=\"crispEdges\" aria-label=\""
					+ escape(label) + "\"><rect width=\"" + size + "\" height=\"" + size
					+ "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
		}
		catch (WriterException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
