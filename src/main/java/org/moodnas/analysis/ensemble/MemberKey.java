package org.moodnas.analysis.ensemble;

/**
 * A member of an ensemble as a predictions frame names it: the train run it was trained in and its
 * name there, so that members of several runs (an L1 and an L2 front) can be combined.
 */
public record MemberKey(String runId, String member) {

  public MemberKey {
    if (runId == null || member == null) {
      throw new IllegalArgumentException("a member needs its run and its name");
    }
  }

  @Override
  public String toString() {
    return runId + "/" + member;
  }
}
