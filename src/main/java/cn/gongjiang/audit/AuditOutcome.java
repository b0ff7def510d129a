package cn.gongjiang.audit;

public enum AuditOutcome {
	SUCCESS, FAILURE, DENIED
}
