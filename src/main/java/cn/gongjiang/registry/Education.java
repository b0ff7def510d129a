package cn.gongjiang.registry;

/** Highest education completed (学历). */
public enum Education {
	PRIMARY, JUNIOR_SECONDARY, SENIOR_SECONDARY, VOCATIONAL_SECONDARY, JUNIOR_COLLEGE, BACHELOR, MASTER, DOCTORATE
}
