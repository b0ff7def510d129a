package cn.gongjiang.shared.security;

import java.util.Locale;

/**
 * Who an account acts as. The three administrators are separated (三权分立, MLPS level 3): system, security and audit
 * administration, none of which reads business data. Officers and administrators sign in with a second factor.
 */
public enum Role {

	SYSTEM_ADMIN("系统管理员", "System administrator", ScopeKind.NONE, Kind.ADMINISTRATOR),
	SECURITY_ADMIN("安全管理员", "Security administrator", ScopeKind.NONE, Kind.ADMINISTRATOR),
	AUDITOR("审计管理员", "Auditor", ScopeKind.NONE, Kind.ADMINISTRATOR),
	PROVINCE_OFFICER("省厅工作人员", "Province officer", ScopeKind.REGION, Kind.OFFICER),
	CITY_OFFICER("市人社局工作人员", "City officer", ScopeKind.REGION, Kind.OFFICER),
	COUNTY_OFFICER("县(市、区)人社局工作人员", "County officer", ScopeKind.REGION, Kind.OFFICER),
	DEPARTMENT_OFFICER("省级部门工作人员", "Department officer", ScopeKind.DEPARTMENT, Kind.OFFICER),
	ENTERPRISE("企业", "Enterprise", ScopeKind.ORGANISATION, Kind.PARTY),
	TRAINING_PROVIDER("培训机构", "Training provider", ScopeKind.ORGANISATION, Kind.PARTY),
	TECHNICAL_SCHOOL("技工院校", "Technical school", ScopeKind.ORGANISATION, Kind.PARTY),
	WORKER("劳动者", "Worker", ScopeKind.PERSON, Kind.PARTY);

	public enum ScopeKind { NONE, REGION, DEPARTMENT, ORGANISATION, PERSON }

	private enum Kind { ADMINISTRATOR, OFFICER, PARTY }

	private final String nameZh;
	private final String nameEn;
	private final ScopeKind scopeKind;
	private final Kind kind;

	Role(String nameZh, String nameEn, ScopeKind scopeKind, Kind kind) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.scopeKind = scopeKind;
		this.kind = kind;
	}

	public ScopeKind scopeKind() {
		return scopeKind;
	}

	public boolean administrator() {
		return kind == Kind.ADMINISTRATOR;
	}

	public boolean officer() {
		return kind == Kind.OFFICER;
	}

	/** Officers and administrators: second factor, password complexity. */
	public boolean privileged() {
		return kind != Kind.PARTY;
	}

	public boolean readsBusinessData() {
		return kind != Kind.ADMINISTRATOR;
	}

	/** The Spring Security authority, e.g. {@code ROLE_CITY_OFFICER}. */
	public String authority() {
		return "ROLE_" + name();
	}

	public String displayName(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}
}
