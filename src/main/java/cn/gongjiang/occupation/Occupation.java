package cn.gongjiang.occupation;

/** One entry of the classification. Level 1 大类, 2 中类, 3 小类, 4 细类 (an occupation proper). */
public record Occupation(String code, String name, int level, String parentCode, Boolean green, Boolean digital) {
}
