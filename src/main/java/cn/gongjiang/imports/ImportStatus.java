package cn.gongjiang.imports;

public enum ImportStatus {
	QUEUED, RUNNING, DONE, FAILED
}
