package cn.gongjiang.enrolment;

/** Class levels (ENR-5): 中级工班, 高级工班, 预备技师（技师）班; the last two are the higher levels 002 二(二) asks to grow. */
public enum ClassLevel {

	INTERMEDIATE("中级工班"), SENIOR("高级工班"), TECHNICIAN("预备技师（技师）班");

	private final String nameZh;

	ClassLevel(String nameZh) {
		this.nameZh = nameZh;
	}

	public String nameZh() {
		return nameZh;
	}

	public boolean higher() {
		return this != INTERMEDIATE;
	}

	/** By code or by the Chinese name, as import files write it. */
	static ClassLevel parse(String value) {
		for (var level : values()) {
			if (level.name().equals(value) || level.nameZh.equals(value)
					|| (level == TECHNICIAN && ("预备技师班".equals(value) || "技师班".equals(value)))) {
				return level;
			}
		}
		return null;
	}
}
