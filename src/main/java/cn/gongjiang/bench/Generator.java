package cn.gongjiang.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;

import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;
import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Deterministic synthetic registers for a scale and a seed: persons spread over the 11 cities in proportion to
 * their resident population (a stand-in for employment) and evenly over each city's counties, with valid ID numbers,
 * common Chinese names, person groups and employers; enterprises with valid credit codes; training providers; and
 * certificates with a realistic grade pyramid. The same seed gives the same files, byte for byte.
 */
final class Generator {

	/** Resident population in 10,000s at the end of 2023 (浙江统计年鉴 2024), the weight of each city. */
	static final Map<String, Integer> CITY_WEIGHTS = Map.ofEntries(Map.entry("330100", 1252), Map.entry("330200", 969),
			Map.entry("330300", 976), Map.entry("330400", 558), Map.entry("330500", 344), Map.entry("330600", 537),
			Map.entry("330700", 721), Map.entry("330800", 229), Map.entry("330900", 117), Map.entry("331000", 668),
			Map.entry("331100", 251));

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
			"潘", "蒋", "沈", "金", "钱", "叶", "方", "俞" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
			"娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "志", "文", "斌", "浩", "宇", "婷",
			"欣", "晨", "鑫", "佳", "俊", "慧", "琳", "晓", "海", "峰", "亮", "红", "燕", "玲", "辉", "飞", "雪", "梅" };
	private static final String[] GROUPS = { "产业工人", "农村转移劳动者", "高校毕业生", "退役军人", "就业困难人员", "失业人员" };
	private static final String[] EDUCATION = { "初中", "高中", "中专", "大专", "本科" };
	/** 初级工 … 高级技师: the pyramid of skill certificates (most at the bottom). */
	private static final String[][] GRADES = { { "初级工", "40" }, { "中级工", "30" }, { "高级工", "20" }, { "技师", "7" },
			{ "高级技师", "3" } };
	private static final String[] CERTIFICATE_TYPES = { "职业技能等级证书", "职业技能等级证书", "职业技能等级证书",
			"职业资格证书", "专项职业能力证书", "培训合格证书" };

	record Sizes(int persons, int enterprises, int providers, int certificates) {

		static Sizes of(Scale scale) {
			return new Sizes(scale.importRows, Math.max(100, scale.importRows / 50), Math.max(90, scale.importRows / 2_000),
					scale.certificates);
		}
	}

	private final long seed;
	private final List<Region> counties;
	private final List<String> occupations;
	private final int[] cumulative;
	private final List<List<Region>> countiesByCity = new ArrayList<>();

	Generator(long seed, List<Region> regions, List<String> occupations) {
		this.seed = seed;
		this.occupations = occupations;
		this.counties = regions.stream().filter(r -> r.level() == RegionLevel.COUNTY).sorted(
				java.util.Comparator.comparing(Region::code)).toList();
		var cities = CITY_WEIGHTS.keySet().stream().sorted().toList();
		cumulative = new int[cities.size()];
		var sum = 0;
		for (int i = 0; i < cities.size(); i++) {
			var city = cities.get(i);
			sum += CITY_WEIGHTS.get(city);
			cumulative[i] = sum;
			countiesByCity.add(counties.stream().filter(c -> city.equals(c.parentCode())).toList());
		}
	}

	/** A county, cities weighted by population, counties of a city equally. */
	private Region county(Random random) {
		var pick = random.nextInt(cumulative[cumulative.length - 1]);
		var city = 0;
		while (pick >= cumulative[city]) {
			city++;
		}
		var list = countiesByCity.get(city);
		return list.get(random.nextInt(list.size()));
	}

	static String name(Random random) {
		var given = GIVEN[random.nextInt(GIVEN.length)] + (random.nextInt(10) < 7 ? GIVEN[random.nextInt(GIVEN.length)] : "");
		return SURNAMES[Math.min(SURNAMES.length - 1, (int) Math.abs(random.nextGaussian() * 12))] + given;
	}

	/** The enterprise credit codes, in order (persons' employers are drawn from them). */
	String enterpriseCode(int i) {
		var county = counties.get(i % counties.size()).code();
		return CreditCode.withCheckCharacter("91" + county + "MA" + String.format("%07d", i % 10_000_000));
	}

	String providerCode(int i) {
		var county = counties.get(i % counties.size()).code();
		return CreditCode.withCheckCharacter("52" + county + "MJ" + String.format("%07d", i % 10_000_000));
	}

	/** The rows of an import kind, header first, each handed to the sink; {@code progress} counts rows. */
	void rows(String kind, Sizes sizes, Consumer<List<String>> sink, Consumer<Integer> progress) {
		switch (kind) {
			case "persons" -> persons(sizes, sink, progress);
			case "enterprises" -> enterprises(sizes, sink, progress);
			case "providers" -> providers(sizes, sink, progress);
			case "certificates" -> certificates(sizes, sink, progress);
			default -> throw new IllegalArgumentException(kind);
		}
	}

	/** A person, from the seed and its index alone, so certificates can name the same persons without keeping them. */
	private record Person(String idNumber, String name, Region county, Random random) {
	}

	/**
	 * Person {@code i}: the birth day and the sequence digits follow from the index, so numbers are unique up to
	 * 16.8 M persons whatever the county (beyond that, the same county on the same day and sequence repeats rarely,
	 * and the import reports it).
	 */
	Person person(int i) {
		var random = new Random(seed * 1_000_003L + i);
		var county = county(random);
		var birth = LocalDate.of(1960, 1, 1).plusDays((i / 1_000) % 16_790);
		var id = IdNumber.withCheckDigit(county.code() + birth.toString().replace("-", "") + String.format("%03d", i % 1_000));
		return new Person(id, name(random), county, random);
	}

	private void persons(Sizes sizes, Consumer<List<String>> sink, Consumer<Integer> progress) {
		sink.accept(List.of("姓名", "身份证号", "户籍地区划代码", "常住地区划代码", "手机号", "人员类别", "学历", "工作单位统一社会信用代码"));
		for (int i = 0; i < sizes.persons(); i++) {
			var p = person(i);
			var random = p.random();
			var mobile = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
			var group = random.nextInt(4) == 0 ? GROUPS[random.nextInt(GROUPS.length)] : "";
			var employer = random.nextInt(10) < 6 ? enterpriseCode(random.nextInt(sizes.enterprises())) : "";
			sink.accept(List.of(p.name(), p.idNumber(), p.county().code(), p.county().code(), mobile, group,
					EDUCATION[random.nextInt(EDUCATION.length)], employer));
			progress.accept(i + 1);
		}
	}

	private void enterprises(Sizes sizes, Consumer<List<String>> sink, Consumer<Integer> progress) {
		sink.accept(List.of("统一社会信用代码", "单位名称", "所在县级区划代码", "企业规模"));
		var random = new Random(seed + 1);
		var sizesOf = new String[] { "MICRO", "SMALL", "SMALL", "MEDIUM", "LARGE" };
		for (int i = 0; i < sizes.enterprises(); i++) {
			var county = counties.get(i % counties.size());
			sink.accept(List.of(enterpriseCode(i), county.name() + "测试" + (i + 1) + "号有限公司", county.code(),
					sizesOf[random.nextInt(sizesOf.length)]));
			progress.accept(i + 1);
		}
	}

	private void providers(Sizes sizes, Consumer<List<String>> sink, Consumer<Integer> progress) {
		sink.accept(List.of("统一社会信用代码", "单位名称", "所在县级区划代码", "机构类型", "办学许可证号", "许可证有效期至"));
		for (int i = 0; i < sizes.providers(); i++) {
			var county = counties.get(i % counties.size());
			sink.accept(List.of(providerCode(i), county.name() + "测试" + (i + 1) + "号职业技能培训学校", county.code(),
					"PRIVATE_INSTITUTION", "浙人社培" + county.code() + String.format("%03d", i % 1000), "2029-12-31"));
			progress.accept(i + 1);
		}
	}

	/** Certificates spread evenly over the persons (regenerated from the seed), grades from the pyramid. */
	private void certificates(Sizes sizes, Consumer<List<String>> sink, Consumer<Integer> progress) {
		sink.accept(List.of("证书编号", "姓名", "身份证号", "证书类型", "职业编码", "技能等级", "发证机构", "发证日期"));
		var random = new Random(seed + 2);
		var today = LocalDate.of(2026, 6, 30);
		for (int c = 0; c < sizes.certificates(); c++) {
			var p = person((int) ((long) c * sizes.persons() / sizes.certificates()));
			var type = CERTIFICATE_TYPES[random.nextInt(CERTIFICATE_TYPES.length)];
			var graded = type.equals("职业技能等级证书") || type.equals("职业资格证书");
			var roll = random.nextInt(100);
			var grade = GRADES[0][0];
			for (var g : GRADES) {
				roll -= Integer.parseInt(g[1]);
				if (roll < 0) {
					grade = g[0];
					break;
				}
			}
			sink.accept(List.of("GEN" + seed + "-" + String.format("%09d", c + 1), p.name(), p.idNumber(), type,
					graded ? occupations.get(random.nextInt(occupations.size())) : "", graded ? grade : "",
					p.county().name() + "职业技能等级认定中心", today.minusDays(random.nextInt(3 * 365)).toString()));
			progress.accept(c + 1);
		}
	}

	/** Writes a kind as CSV in UTF-8 (with BOM, as Excel writes it) or GBK, or as xlsx. */
	static void write(Path file, String format, Consumer<Consumer<List<String>>> rows) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			if (format.equals("xlsx")) {
				var workbook = new Workbook(out, "Gongjiang", "1.0");
				var sheet = workbook.newWorksheet("data");
				var r = new int[] { 0 };
				rows.accept(row -> {
					for (int c = 0; c < row.size(); c++) {
						sheet.value(r[0], c, row.get(c));
					}
					if (++r[0] % 10_000 == 0) {
						try {
							sheet.flush();
						}
						catch (IOException e) {
							throw new java.io.UncheckedIOException(e);
						}
					}
				});
				workbook.finish();
				return;
			}
			Charset charset = format.equals("csv-gbk") ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
			if (charset == StandardCharsets.UTF_8) {
				out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			}
			try (BufferedWriter writer = new BufferedWriter(new java.io.OutputStreamWriter(out, charset), 1 << 16);
					var csv = CsvWriter.builder().build(writer)) {
				rows.accept(csv::writeRecord);
			}
		}
	}
}
