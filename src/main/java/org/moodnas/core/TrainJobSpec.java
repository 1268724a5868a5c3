package org.moodnas.core;

import java.util.List;

/**
 * A train job: the evaluation every genotype gets, which genotypes (registry names, or a search
 * run's, only its front's with {@code paretoOnly}) as the names they were trained under, how
 * batches are sized and how the evaluations fan out.
 */
public record TrainJobSpec(
    EvalSpec eval,
    List<String> archs,
    String fromSearch,
    boolean paretoOnly,
    BatchSizing sizing,
    FanOutSpec fanOut)
    implements RunConfig {

  public TrainJobSpec {
    archs = List.copyOf(archs);
  }

  /**
   * This job as a resumed run continues it: everything as recorded but the fan-out, as given now.
   */
  public TrainJobSpec resumedWith(FanOutSpec now) {
    return new TrainJobSpec(eval, archs, fromSearch, paretoOnly, sizing, now);
  }

  @Override
  public RunKind kind() {
    return RunKind.TRAIN;
  }

  @Override
  public String dataset() {
    return eval.data().dataset().toString();
  }
}
