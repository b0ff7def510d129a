package cn.gongjiang.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.PackagePart;

/**
 * Counts an xlsx sheet's non-blank rows in two streaming passes, for the import's progress total and its empty-file
 * check: the shared strings once, keeping only a bit per string (blank or not), then the sheet. Building the
 * reader's shared-string store for this would double an xlsx import's time.
 */
final class XlsxCount {

	private static final XMLInputFactory XML = XMLInputFactory.newFactory();

	static {
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	private XlsxCount() {
	}

	static InputStream openPart(PackagePart part) {
		try {
			return part.getInputStream();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Which shared strings are blank; phonetic runs ({@code rPh}) are not part of a string's text. */
	static BitSet blankStrings(InputStream sharedStrings) throws XMLStreamException {
		var blank = new BitSet();
		var xml = XML.createXMLStreamReader(sharedStrings);
		try {
			var index = -1;
			var visible = false;
			var phonetic = 0;
			while (xml.hasNext()) {
				switch (xml.next()) {
					case XMLStreamConstants.START_ELEMENT -> {
						switch (xml.getLocalName()) {
							case "si" -> {
								index++;
								visible = false;
							}
							case "rPh" -> phonetic++;
							case "t" -> {
								if (phonetic == 0 && !xml.getElementText().isBlank()) {
									visible = true;
								}
							}
							default -> {
							}
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						switch (xml.getLocalName()) {
							case "si" -> blank.set(index, !visible);
							case "rPh" -> phonetic--;
							default -> {
							}
						}
					}
					default -> {
					}
				}
			}
		}
		finally {
			xml.close();
		}
		return blank;
	}

	/** The sheet's rows: whether the first has a non-blank cell, and how many after it do. */
	static TabularFile.Count rows(InputStream sheet, BitSet blankStrings) throws XMLStreamException {
		var xml = XML.createXMLStreamReader(sheet);
		var header = false;
		var first = true;
		var rows = 0;
		var valued = false;
		String type = null;
		try {
			while (xml.hasNext()) {
				var event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					switch (xml.getLocalName()) {
						case "row" -> valued = false;
						case "c" -> type = xml.getAttributeValue(null, "t");
						case "v" -> valued |= visible(xml, type, blankStrings);
						case "t" -> valued |= !xml.getElementText().isBlank(); // an inline string
						default -> {
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
					if (first) {
						header = valued;
						first = false;
					}
					else if (valued) {
						rows++;
					}
				}
			}
		}
		finally {
			xml.close();
		}
		return new TabularFile.Count(header, rows);
	}

	private static boolean visible(XMLStreamReader xml, String type, BitSet blankStrings) throws XMLStreamException {
		var value = xml.getElementText();
		if ("s".equals(type)) {
			try {
				return !blankStrings.get(Integer.parseInt(value.strip()));
			}
			catch (NumberFormatException | IndexOutOfBoundsException notAnIndex) {
				return false;
			}
		}
		return !value.isBlank();
	}
}
