package cn.gongjiang.training.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The check-in QR code (TRN-3) is drawn as SVG on the server and reads back as the address it was given. */
public class QrSvgTests {

	@Test
	void theSvgReadsBackAsTheCheckInAddress() throws Exception {
		var url = "https://gongjiang.example/training/check-in?session=42&code=123456";
		var svg = QrSvg.of(url, "QR");
		assertThat(svg).startsWith("<svg").contains("role=\"img\"").doesNotContain("style=").doesNotContain("<script");
		assertThat(decode(svg)).isEqualTo(url);
	}

	/** Reads an SVG of unit squares (as QrSvg draws them) with ZXing's own reader. */
	public static String decode(String svg) throws Exception {
		var size = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) \\d+\".*", "$1"));
		var scale = 4;
		var pixels = new int[size * scale * size * scale];
		Arrays.fill(pixels, 0xFFFFFF);
		var square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
		while (square.find()) {
			int x = Integer.parseInt(square.group(1));
			int y = Integer.parseInt(square.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
				}
			}
		}
		var source = new RGBLuminanceSource(size * scale, size * scale, pixels);
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
	}
}
