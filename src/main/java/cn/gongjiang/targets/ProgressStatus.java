package cn.gongjiang.targets;

/** TGT-3: where a target stands against the elapsed share of its period (序时进度). */
public enum ProgressStatus {
	DONE, AHEAD, ON_TRACK, BEHIND, NOT_REPORTED, UNKNOWN_TARGET
}
