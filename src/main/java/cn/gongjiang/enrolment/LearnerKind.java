package cn.gongjiang.enrolment;

/** Who enrols (002 二(二)): graduates of junior and senior secondary school, and adults of every kind. */
public enum LearnerKind {

	JUNIOR_SECONDARY_GRADUATE("应届/往届初中毕业生"), SENIOR_SECONDARY_GRADUATE("高中毕业生"), EMPLOYEE("企业职工"),
	UNEMPLOYED("失业人员"), FLEXIBLY_EMPLOYED("灵活就业人员"), MIGRANT_WORKER("农民工"), NEW_FARMER("新型职业农民"),
	OTHER("其他");

	private final String nameZh;

	LearnerKind(String nameZh) {
		this.nameZh = nameZh;
	}

	public String nameZh() {
		return nameZh;
	}

	static LearnerKind parse(String value) {
		for (var kind : values()) {
			if (kind.name().equals(value) || kind.nameZh.equals(value)
					|| (kind == JUNIOR_SECONDARY_GRADUATE && ("应届初中毕业生".equals(value) || "往届初中毕业生".equals(value)))) {
				return kind;
			}
		}
		return null;
	}
}
