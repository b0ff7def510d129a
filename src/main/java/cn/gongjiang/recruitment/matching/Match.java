package cn.gongjiang.recruitment.matching;

import java.util.List;

/** A person and a job scored (REC-2): the score (0 to 1), its components best first, the weights it used. */
public record Match(long jobId, long personId, double score, List<Component> components, int weightsVersion) {
}
