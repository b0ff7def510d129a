package cn.gongjiang.registry;

import java.util.List;

/** A person in the reader's scope with the keyed index of their ID number and their own changes, oldest first. */
public record PersonHistory(PersonSummary person, byte[] idNumberIndex, List<PersonChange> changes) {
}
