package cn.gongjiang.registry;

import java.time.LocalDate;
import java.util.Map;

/** A dated entry another module adds to a person's lifelong archive (REG-4). */
public record ArchiveEvent(long personId, LocalDate on, String kind, Map<String, ?> detail) {
}
