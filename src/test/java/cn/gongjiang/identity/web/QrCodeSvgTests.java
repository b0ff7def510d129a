package cn.gongjiang.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The enrolment QR code, drawn as SVG on the server, scans back to the otpauth:// URI it was made from. */
class QrCodeSvgTests {

	private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"");
	private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	@Test
	void theSvgScansBackToTheUri() throws Exception {
		var uri = "otpauth://totp/Gongjiang:keqiao?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Gongjiang&digits=6&period=30";
		var svg = QrCodeSvg.of(uri, "动态口令绑定二维码");
		assertThat(svg).startsWith("<svg").contains("role=\"img\"", "aria-label=\"动态口令绑定二维码\"").endsWith("</svg>");
		assertThat(scan(svg)).isEqualTo(uri);
	}

	@Test
	void theLabelCannotBreakOutOfTheAttribute() {
		assertThat(QrCodeSvg.of("x", "\"><script>")).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
	}

	/** Paints the path's unit squares four pixels each and reads them with ZXing's decoder. */
	private static String scan(String svg) throws Exception {
		var size = Integer.parseInt(SIZE.matcher(svg).results().findFirst().orElseThrow().group(1));
		var scale = 4;
		var pixels = new int[size * scale * size * scale];
		Arrays.fill(pixels, 0xFFFFFF);
		MODULE.matcher(svg).results().forEach(m -> {
			var x = Integer.parseInt(m.group(1));
			var y = Integer.parseInt(m.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
				}
			}
		});
		var source = new RGBLuminanceSource(size * scale, size * scale, pixels);
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
	}
}
