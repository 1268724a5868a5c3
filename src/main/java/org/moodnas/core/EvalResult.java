package org.moodnas.core;

import java.io.Serializable;
import java.util.List;
import org.moodnas.space.Genotype;

/**
 * What training one genotype from scratch returns: how it ended, the network's parameter count
 * (null when it was never built), its epochs (the last one's losses and accuracies are the result),
 * the checkpoint written, where it ran, and how its batch was sized: the batch used, trainings
 * started (out-of-memory retries and Spark's re-attempts included), the memory model's prediction
 * for that batch and the GPU memory held after training (null off GPU); and the profile of the
 * trained genotype's network, measured where it trained (null when it failed or was not profiled).
 */
public record EvalResult(
    Genotype genotype,
    TrialStatus status,
    String error,
    Long params,
    List<EvalEpoch> epochs,
    String checkpoint,
    String device,
    Integer batchSize,
    int attempts,
    Double predictedMemoryMb,
    Double measuredGpuMb,
    double durationS,
    ProfileRecord profile)
    implements Serializable {

  public EvalResult {
    epochs = List.copyOf(epochs);
  }

  /** A finished training: one attempt, batch sizing not known to the trainer. */
  public static EvalResult ok(
      Genotype genotype,
      long params,
      List<EvalEpoch> epochs,
      String checkpoint,
      String device,
      int batchSize,
      double durationS) {
    return new EvalResult(
        genotype,
        TrialStatus.OK,
        null,
        params,
        epochs,
        checkpoint,
        device,
        batchSize,
        1,
        null,
        null,
        durationS,
        null);
  }

  /** A training that ended without a result: the reason and what it had done. */
  public static EvalResult failed(
      Genotype genotype,
      String error,
      Long params,
      List<EvalEpoch> epochs,
      String device,
      Integer batchSize,
      double durationS) {
    return new EvalResult(
        genotype,
        TrialStatus.FAILED,
        error,
        params,
        epochs,
        null,
        device,
        batchSize,
        1,
        null,
        null,
        durationS,
        null);
  }

  public boolean ok() {
    return status == TrialStatus.OK;
  }

  /** The last epoch of a successful training: its losses and accuracies are the result. */
  public EvalEpoch finalEpoch() {
    return ok() && !epochs.isEmpty() ? epochs.get(epochs.size() - 1) : null;
  }

  /** Parameters in millions (the model size in MB of the published tables). */
  public Double paramSizeMb() {
    return params == null ? null : params / 1e6;
  }

  /** The same result, saying where it ran. */
  public EvalResult withDevice(String where) {
    return new EvalResult(
        genotype,
        status,
        error,
        params,
        epochs,
        checkpoint,
        where,
        batchSize,
        attempts,
        predictedMemoryMb,
        measuredGpuMb,
        durationS,
        profile);
  }

  /** The same result with how its batch was sized, as the executor knows it. */
  public EvalResult withSizing(int attempts, Double predictedMemoryMb, Double measuredGpuMb) {
    return new EvalResult(
        genotype,
        status,
        error,
        params,
        epochs,
        checkpoint,
        device,
        batchSize,
        attempts,
        predictedMemoryMb,
        measuredGpuMb,
        durationS,
        profile);
  }

  /** The same result with the profile of its network. */
  public EvalResult withProfile(ProfileRecord measured) {
    return new EvalResult(
        genotype,
        status,
        error,
        params,
        epochs,
        checkpoint,
        device,
        batchSize,
        attempts,
        predictedMemoryMb,
        measuredGpuMb,
        durationS,
        measured);
  }
}
