package cn.gongjiang.training;

import java.util.List;
import java.util.Map;

/**
 * How many of each class's trainees were hired (就业): the last step of an order's outcome (REC-3 closes the order-based
 * loop, 报名 · 结业 · 取证 · 就业). Recruitment knows the hires and implements this; training asks without depending on it.
 */
public interface ClassHires {

	Map<Long, Integer> hired(List<Long> classIds);
}
