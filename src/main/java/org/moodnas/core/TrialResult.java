package org.moodnas.core;

import java.io.Serializable;
import java.util.List;
import org.moodnas.space.Genotype;

/**
 * What one search trial returns: which trial it was (objective, weight, weight decay), how it
 * ended, its metrics and genotype (null when it failed; a simulated trial has no genotype), where
 * it ran, its epochs and its seconds.
 */
public record TrialResult(
    Objective objective,
    Weight weight,
    double weightDecay,
    TrialStatus status,
    String error,
    SearchMetrics metrics,
    Genotype genotype,
    String device,
    List<SearchEpoch> epochs,
    double durationS)
    implements Serializable {

  public TrialResult {
    epochs = List.copyOf(epochs);
  }

  /** A trial that finished with its metrics. */
  public static TrialResult ok(
      SearchSpec spec,
      Weight weight,
      SearchMetrics metrics,
      Genotype genotype,
      String device,
      List<SearchEpoch> epochs,
      double durationS) {
    return new TrialResult(
        spec.objective(),
        weight,
        spec.training().weightDecay(),
        TrialStatus.OK,
        null,
        metrics,
        genotype,
        device,
        epochs,
        durationS);
  }

  /** A trial that ended without a result: the reason and the epochs it finished. */
  public static TrialResult failed(
      SearchSpec spec,
      Weight weight,
      String error,
      String device,
      List<SearchEpoch> epochs,
      double durationS) {
    return new TrialResult(
        spec.objective(),
        weight,
        spec.training().weightDecay(),
        TrialStatus.FAILED,
        error,
        null,
        null,
        device,
        epochs,
        durationS);
  }

  /** A speculative trial cancelled before its end: why, and how long it had run. */
  public static TrialResult cancelled(SearchSpec spec, Weight weight, String why, double seconds) {
    return new TrialResult(
        spec.objective(),
        weight,
        spec.training().weightDecay(),
        TrialStatus.CANCELLED,
        why,
        null,
        null,
        null,
        List.of(),
        seconds);
  }

  public boolean ok() {
    return status == TrialStatus.OK;
  }

  /** The same result, saying where it ran. */
  public TrialResult withDevice(String where) {
    return new TrialResult(
        objective, weight, weightDecay, status, error, metrics, genotype, where, epochs, durationS);
  }
}
