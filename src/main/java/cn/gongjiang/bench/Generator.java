package cn.gongjiang.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

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

	/** Sizes of each kind; rosters and registrations are technical-school enrolment (学籍), students not persons. */
	record Sizes(int persons, int enterprises, int providers, int certificates, int rosterEntries, int registrations,
			int enrolments) {

		/** One person in eight trained (the province's 5 M enrolments over 40 M persons). */
		static Sizes of(Scale scale) {
			return new Sizes(scale.importRows, Math.max(100, scale.importRows / 50), Math.max(90, scale.importRows / 2_000),
					scale.certificates, scale.rosterEntries, scale.registrations, scale.importRows / 8);
		}

		int classes() {
			return (enrolments + TRAINEES_PER_CLASS - 1) / TRAINEES_PER_CLASS;
		}

		/** Rows (without the header) a kind has. */
		int rows(String kind) {
			return switch (kind) {
				case "persons" -> persons;
				case "enterprises" -> enterprises;
				case "providers" -> providers + CITY_WEIGHTS.size();
				case "certificates" -> certificates;
				case DEMAND -> enterprises * 2;
				case JOBS -> enterprises;
				case SEEKERS -> (persons + SEEKER_EVERY - 1 - SEEKER_OFFSET) / SEEKER_EVERY;
				case ROSTERS -> rosterEntries;
				case REGISTRATIONS -> registrations;
				default -> throw new IllegalArgumentException(kind);
			};
		}
	}

	static final int TRAINEES_PER_CLASS = 25, SESSIONS_PER_CLASS = 4, TRAINING_PROVIDERS = 20;

	static final String DEMAND = "demand";
	static final String JOBS = "jobs";
	static final String SEEKERS = "seekers";
	static final String ROSTERS = "education-rosters";
	static final String REGISTRATIONS = "registrations";
	/** The specialty every generated technician college files, and the class level it offers. */
	static final String SPECIALTY = "0301";
	/** Every 40th registration (from the 8th) is a student the education department's roster has enrolled. */
	private static final int ON_ROSTER_EVERY = 40, ON_ROSTER_AT = 7;
	/** Every 1,000th registration (from the 1,000th) repeats the student of 500 rows before. */
	private static final int REPEAT_EVERY = 1_000, REPEAT_BACK = 500;

	/** A planted duplicate: its row in the registrations file, the student, and what should catch it. */
	record Planted(int row, String idNumber, String name, Kind kind) {

		enum Kind {
			/** registered, and 在籍 on an education roster imported later: the duplicate batch finds it (ENR-3) */
			ON_ROSTER,
			/** the same student twice in one file: the import refuses the second row */
			TWICE_IN_FILE
		}
	}

	private final long seed;
	private final int intakeYear;
	private final List<Region> counties;
	private final List<String> occupations;
	private final int[] cumulative;
	private final List<List<Region>> countiesByCity = new ArrayList<>();

	/** {@code intakeYear}: the spring intake registrations are for (registrations close on its 31 March). */
	Generator(long seed, int intakeYear, List<Region> regions, List<String> occupations) {
		this.seed = seed;
		this.intakeYear = intakeYear;
		this.occupations = occupations;
		this.counties = regions.stream().filter(r -> r.level() == RegionLevel.COUNTY).sorted(
				Comparator.comparing(Region::code)).toList();
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
			case DEMAND -> demand(sizes, sink, progress);
			case JOBS -> jobs(sizes, sink, progress);
			case SEEKERS -> seekers(sizes, sink, progress);
			case ROSTERS -> rosters(sizes, sink, progress);
			case REGISTRATIONS -> registrations(sizes, sink, progress);
			default -> throw new IllegalArgumentException(kind);
		}
	}

	/** A person, from the seed and its index alone, so certificates can name the same persons without keeping them. */
	record Person(String idNumber, String name, Region county, Random random) {
	}

	/** Distinct (birth day, sequence) pairs for persons born 1960 to 2002: 15.7 M. */
	static final int PERSONS_PER_ROUND = 15_706 * 1_000;

	/**
	 * Person {@code i}, born 1960 to 2002: the birth day and the sequence digits follow from the index, so numbers are
	 * unique within each round of 15.7 M persons whatever the county; a later round (the province's 40 M) moves a
	 * person to the next county of the same city when an earlier round put the same day and sequence there, so numbers
	 * stay unique to 40 M and beyond.
	 */
	Person person(int i) {
		var random = new Random(seed * 1_000_003L + i);
		var county = personCounty(i, random);
		var birth = LocalDate.of(1960, 1, 1).plusDays((i / 1_000) % 15_706);
		var id = IdNumber.withCheckDigit(county.code() + birth.toString().replace("-", "") + String.format("%03d", i % 1_000));
		return new Person(id, name(random), county, random);
	}

	private Region personCounty(int i, Random random) {
		var county = county(random);
		var earlier = new HashSet<Region>();
		for (int j = i - PERSONS_PER_ROUND; j >= 0; j -= PERSONS_PER_ROUND) {
			earlier.add(personCounty(j, new Random(seed * 1_000_003L + j)));
		}
		for (int tries = 0; earlier.contains(county) && tries < 8; tries++) {
			county = nextInCity(county);
		}
		return county;
	}

	private Region nextInCity(Region county) {
		var list = countiesByCity.stream().filter(l -> l.contains(county)).findFirst().orElseThrow();
		return list.get((list.indexOf(county) + 1) % list.size());
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
		var sizesOf = new String[] { "微型", "小型", "小型", "中型", "大型" };
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
					"民办培训机构", "浙人社培" + county.code() + String.format("%03d", i % 1000), "2029-12-31"));
			progress.accept(i + 1);
		}
		// one city technician college per city, where that city's students register
		for (int c = 0; c < countiesByCity.size(); c++) {
			var county = countiesByCity.get(c).get(0);
			sink.accept(List.of(schoolCode(c), county.name() + "测试技师学院", county.code(), "技师学院",
					"浙人社技" + county.code(), "2030-12-31"));
			progress.accept(sizes.providers() + c + 1);
		}
	}

	/**
	 * Skill demand (缺工调查) as officers key it in from questionnaires: two occupations per enterprise, some with a
	 * grade, needed during the intake year, half of the headcount to be trained.
	 */
	private void demand(Sizes sizes, Consumer<List<String>> sink, Consumer<Integer> progress) {
		sink.accept(List.of("统一社会信用代码", "职业编码", "技能等级", "需求人数", "需求时间", "月薪", "需培训人数", "来源"));
		var random = new Random(seed + 4);
		var grades = new String[] { "", "初级工", "中级工", "高级工", "技师" };
		var done = 0;
		for (int e = 0; e < sizes.enterprises(); e++) {
			var first = random.nextInt(occupations.size());
			for (int l = 0; l < 2; l++) {
				var headcount = 1 + random.nextInt(30);
				sink.accept(List.of(enterpriseCode(e), occupations.get((first + l) % occupations.size()),
						grades[random.nextInt(grades.length)], String.valueOf(headcount),
						LocalDate.of(intakeYear, 1 + random.nextInt(12), 1).toString(),
						String.valueOf(4_000 + 500 * random.nextInt(17)), String.valueOf(headcount / 2), "问卷"));
				progress.accept(++done);
			}
		}
	}

	/** One open posting per enterprise (REC-1), in one of its demand's occupations, closing at the intake year's end. */
	private void jobs(Sizes sizes, Consumer<List<String>> sink, Consumer<Integer> progress) {
		sink.accept(List.of("统一社会信用代码", "岗位名称", "职业编码", "最低技能等级", "招聘人数", "月薪下限", "月薪上限", "截止日期",
				"岗位要求", "欢迎院校毕业生"));
		var random = new Random(seed + 6);
		var grades = new String[] { "", "初级工", "中级工", "中级工", "高级工", "技师" };
		for (int e = 0; e < sizes.enterprises(); e++) {
			var occupation = occupations.get(random.nextInt(occupations.size()));
			var low = 4_000 + 500 * random.nextInt(12);
			sink.accept(List.of(enterpriseCode(e), "技能岗位" + (e + 1), occupation, grades[random.nextInt(grades.length)],
					String.valueOf(1 + random.nextInt(10)), String.valueOf(low), String.valueOf(low + 2_000),
					LocalDate.of(intakeYear, 12, 31).toString(), "持相应职业技能等级证书者优先", random.nextInt(3) == 0 ? "是" : "否"));
			progress.accept(e + 1);
		}
	}

	/** One person in ten looks for work (the medium scale's 1 M persons give 100 k seekers, REC-2). */
	static final int SEEKER_EVERY = 10, SEEKER_OFFSET = 3;

	/**
	 * Job seekers as the employment service passes them on: every tenth person, a third of them registered unemployed
	 * (失业登记), most with a wanted occupation and a wage they expect.
	 */
	private void seekers(Sizes sizes, Consumer<List<String>> sink, Consumer<Integer> progress) {
		sink.accept(List.of("身份证号", "姓名", "登记类别", "求职意向职业编码", "期望月薪"));
		var random = new Random(seed + 7);
		int done = 0;
		for (int i = SEEKER_OFFSET; i < sizes.persons(); i += SEEKER_EVERY) {
			var p = person(i);
			var wanted = random.nextInt(4) == 0 ? "" : occupations.get(random.nextInt(occupations.size()));
			var wage = random.nextInt(5) == 0 ? "" : String.valueOf(4_000 + 500 * random.nextInt(17));
			sink.accept(List.of(p.idNumber(), p.name(), random.nextInt(3) == 0 ? "失业登记" : "求职登记", wanted, wage));
			progress.accept(++done);
		}
	}

	/** The technician college of the {@code c}-th city in code order (a public institution: 12…). */
	String schoolCode(int c) {
		return CreditCode.withCheckCharacter("12" + countiesByCity.get(c).get(0).code() + "MB" + String.format("%07d", c));
	}

	List<String> schoolCodes() {
		return IntStream.range(0, countiesByCity.size()).mapToObj(this::schoolCode).toList();
	}

	/** Each city's technician college, by city code. */
	Map<String, String> schoolsByCity() {
		var cities = CITY_WEIGHTS.keySet().stream().sorted().toList();
		var schools = new TreeMap<String, String>();
		for (int c = 0; c < cities.size(); c++) {
			schools.put(cities.get(c), schoolCode(c));
		}
		return schools;
	}

	/**
	 * Student {@code j}, born 2003 to 2011 (after every generated person): the birth day and sequence follow from the
	 * index, so numbers are unique up to 3.28 M students, the province's roster and registrations together.
	 */
	Person student(int j) {
		var random = new Random(seed * 1_000_033L + 7_919L * j + 1);
		var county = county(random);
		var birth = LocalDate.of(2003, 1, 1).plusDays((j / 1_000) % 3_287);
		var id = IdNumber.withCheckDigit(county.code() + birth.toString().replace("-", "") + String.format("%03d", j % 1_000));
		return new Person(id, name(random), county, random);
	}

	/** Roster entry {@code j}: its student, school and 学籍状态, from the index alone. */
	private List<String> rosterEntry(int j) {
		var s = student(j);
		var random = s.random();
		var school = random.nextInt(3);
		var status = random.nextInt(100);
		return List.of(s.idNumber(), s.name(), s.county().name() + (school == 0 ? "第一中学" : school == 1 ? "第二中学" : "职业高级中学"),
				school == 2 ? "中等职业学校" : "普通高中", status < 80 ? "在籍" : status < 95 ? "毕业" : "离校");
	}

	private void rosters(Sizes sizes, Consumer<List<String>> sink, Consumer<Integer> progress) {
		sink.accept(List.of("身份证号", "姓名", "学校名称", "学校类型", "学籍状态"));
		for (int j = 0; j < sizes.rosterEntries(); j++) {
			sink.accept(rosterEntry(j));
			progress.accept(j + 1);
		}
	}

	/**
	 * The student of registration {@code k}: a student no roster holds, except the planted ones — every 40th is a
	 * student enrolled (在籍) on a roster, every 1,000th repeats the student 500 rows before.
	 */
	private int registrant(int k, Sizes sizes) {
		if (k % REPEAT_EVERY == REPEAT_EVERY - 1) {
			return registrant(k - REPEAT_BACK, sizes);
		}
		if (k % ON_ROSTER_EVERY == ON_ROSTER_AT && k < sizes.rosterEntries()) {
			var j = k;
			while (j + 1 < sizes.rosterEntries() && !rosterEntry(j).get(4).equals("在籍")) {
				j++;
			}
			return j;
		}
		return sizes.rosterEntries() + k;
	}

	private void registrations(Sizes sizes, Consumer<List<String>> sink, Consumer<Integer> progress) {
		sink.accept(List.of("身份证号", "姓名", "学校统一社会信用代码", "专业代码", "班级层次", "入学年份", "入学季", "学员类别",
				"学习形式", "生源地区划代码"));
		var cities = CITY_WEIGHTS.keySet().stream().sorted().toList();
		for (int k = 0; k < sizes.registrations(); k++) {
			var s = student(registrant(k, sizes));
			sink.accept(List.of(s.idNumber(), s.name(), schoolCode(cities.indexOf(s.county().parentCode())), SPECIALTY,
					"中级工班", String.valueOf(intakeYear), "春季", k % 7 == 0 ? "高中毕业生" : "应届初中毕业生", "全日制",
					s.county().code()));
			progress.accept(k + 1);
		}
	}

	/** A trainee of a generated class and the sessions (0 … 3) they attended. */
	record Trainee(String idNumber, String name, boolean[] attended) {
	}

	/**
	 * Class {@code c}: given by one of the first 20 providers, in a detailed occupation, four two-hour sessions on
	 * consecutive days ending at least a week before {@code today}, and its trainees — each person in one class at most,
	 * attending each session nine times in ten.
	 */
	record TrainingPlanned(int provider, String occupation, LocalDate firstDay, List<Trainee> trainees) {
	}

	TrainingPlanned trainingClass(int c, Sizes sizes, LocalDate today) {
		var random = new Random(seed * 7_001L + c);
		var trainees = new ArrayList<Trainee>();
		for (int t = c * TRAINEES_PER_CLASS; t < Math.min(sizes.enrolments(), (c + 1) * TRAINEES_PER_CLASS); t++) {
			var p = person((int) ((long) t * sizes.persons() / Math.max(sizes.enrolments(), sizes.persons())));
			var attended = new boolean[SESSIONS_PER_CLASS];
			for (int s = 0; s < attended.length; s++) {
				attended[s] = random.nextInt(10) < 9;
			}
			trainees.add(new Trainee(p.idNumber(), p.name(), attended));
		}
		return new TrainingPlanned(c % Math.min(sizes.providers(), TRAINING_PROVIDERS),
				occupations.get(random.nextInt(occupations.size())), today.minusDays(10 + random.nextInt(300)), trainees);
	}

	/** The answer key: every planted duplicate, by its row in the registrations file (the header is row 1). */
	List<Planted> planted(Sizes sizes) {
		var planted = new ArrayList<Planted>();
		for (int k = 0; k < sizes.registrations(); k++) {
			var repeat = k % REPEAT_EVERY == REPEAT_EVERY - 1;
			if (repeat || (k % ON_ROSTER_EVERY == ON_ROSTER_AT && k < sizes.rosterEntries())) {
				var s = student(registrant(k, sizes));
				planted.add(new Planted(k + 2, s.idNumber(), s.name(),
						repeat ? Planted.Kind.TWICE_IN_FILE : Planted.Kind.ON_ROSTER));
			}
		}
		return planted;
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
							throw new UncheckedIOException(e);
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
			try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
					var csv = CsvWriter.builder().build(writer)) {
				rows.accept(csv::writeRecord);
			}
		}
	}
}
