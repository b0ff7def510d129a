package cn.gongjiang.catalogue;

/** One entry of a code list, with the policy clause that names it. */
public record CodeItem(String code, String nameZh, String nameEn, String parentCode, String source) {
}
