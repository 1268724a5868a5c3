package org.moodnas.core;

import java.util.List;

/**
 * A train job: the evaluation every genotype gets, which genotypes (registry names, or a search
 * run's, only its front's with {@code paretoOnly}) as the names they were trained under, how
 * batches are sized, how the evaluations fan out and how each trained genotype is profiled.
 */
public record TrainJobSpec(
    EvalSpec eval,
    List<String> archs,
    String fromSearch,
    boolean paretoOnly,
    BatchSizing sizing,
    FanOutSpec fanOut,
    ProfilingSpec profiling)
    implements RunConfig {

  public TrainJobSpec {
    archs = List.copyOf(archs);
    // runs recorded before train profiled its genotypes read back with the default
    profiling = profiling == null ? ProfilingSpec.DEFAULT : profiling;
  }

  public TrainJobSpec withFanOut(FanOutSpec f) {
    return new TrainJobSpec(eval, archs, fromSearch, paretoOnly, sizing, f, profiling);
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
