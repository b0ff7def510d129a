package cn.gongjiang.registry;

import java.util.List;

import cn.gongjiang.shared.IdNumberIndex;

/** A person in the reader's scope with the keyed index of their ID number and their own changes, oldest first. */
public record PersonHistory(PersonSummary person, IdNumberIndex idNumberIndex, List<PersonChange> changes) {
}
