package cn.gongjiang.registry;

import java.time.LocalDate;

/**
 * What an officer records about a person's pension (SUB-1): drawing a monthly urban employee pension or not, where
 * they learned it (the social insurance record, the person's statement …), as of when, and the version they saw.
 */
public record PensionRecord(Boolean drawing, String source, LocalDate asOf, Integer version) {
}
