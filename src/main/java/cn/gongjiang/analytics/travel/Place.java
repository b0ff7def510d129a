package cn.gongjiang.analytics.travel;

/**
 * Where a trip starts or ends, with what the estimate needs to know of the ground: the township (9-digit code, null
 * when unknown), whether its county is one of the 26 mountain counties, and the point.
 */
public record Place(String township, boolean mountainCounty, Point point) {
}
