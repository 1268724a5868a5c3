package org.moodnas.spark.executor;

import java.util.List;
import org.moodnas.core.BatchSizing;
import org.moodnas.core.CheckpointSpec;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.ProfilingSpec;
import org.moodnas.data.TrainingData;
import org.moodnas.memory.MemoryModel;
import org.moodnas.profile.Profiler;
import org.moodnas.train.Checkpointing;
import org.moodnas.train.EvalTrainer;

/**
 * One genotype's evaluation as a Spark task: the candidate, the job's evaluation spec, how its
 * batch is sized (with the memory model, for GPUs), where its trained network and its training
 * states go, and how the trained genotype is profiled. It continues from the newest training state,
 * at that state's batch; an out-of-memory training is retried with a smaller batch ({@link
 * BatchBackoff}), from scratch; a successful one is profiled here, on the device and threads it
 * trained with.
 */
public record EvalTask(
    int index,
    EvalCandidate candidate,
    EvalSpec spec,
    BatchSizing sizing,
    MemoryModel memoryModel,
    String network,
    ProfilingSpec profiling,
    CheckpointSpec states,
    EvalAttempt attempt)
    implements FanOutTask<EvalResult> {

  /** An evaluation by the {@link EvalTrainer} without training states. */
  public EvalTask(
      int index,
      EvalCandidate candidate,
      EvalSpec spec,
      BatchSizing sizing,
      MemoryModel memoryModel,
      String network,
      ProfilingSpec profiling) {
    this(
        index,
        candidate,
        spec,
        sizing,
        memoryModel,
        network,
        profiling,
        CheckpointSpec.NONE,
        EvalAttempt.TRAINER);
  }

  @Override
  public String description() {
    return "mood-nas evaluation " + candidate.arch();
  }

  @Override
  public EvalResult run(ProgressAccumulator progress, TaskSlot slot) {
    long start = System.nanoTime();
    DeviceSpec device = TaskPlacement.device(spec.device());
    TrainingData data = DataCache.get(spec.data(), spec.training());
    double paramsMb = params(data) / 1e6;
    TaskPlacement.useThreads(device, slot.threads());
    BatchBackoff.Outcome<EvalResult> outcome = train(progress, device, data, paramsMb);
    EvalResult r = outcome.value() != null ? outcome.value() : noBatchFits(outcome, data, start);
    Double usedGpuMb = BatchSizer.usedGpuMb(device); // the training's, not the profile's
    if (r.ok()) {
      r = r.withProfile(TrainedProfile.measure(candidate, data, spec, profiling, device.first()));
    }
    return r.withDevice(TaskPlacement.describe(device, r.device(), slot.threads()))
        .withSizing(
            outcome.attempts() + slot.attempt() - 1,
            // per device: a data-parallel trial puts one shard on each
            memoryModel.predictMb(paramsMb, device.largestShard(outcome.batchSize())),
            usedGpuMb);
  }

  /**
   * Trains from the first batch down: the batch of the newest training state when there is one (the
   * training continues there), else {@link BatchSizer#firstBatch}. A smaller batch starts over, so
   * its attempt discards the states of the larger one.
   */
  private BatchBackoff.Outcome<EvalResult> train(
      ProgressAccumulator progress, DeviceSpec device, TrainingData data, double paramsMb) {
    TaskProgressReporter<EvalEpoch> reporter =
        new TaskProgressReporter<>(progress, index, spec.training().epochs());
    EvalSpec placed = spec.withDevice(device);
    Checkpointing checkpointing = TaskCheckpointing.of(states);
    int first =
        EvalTrainer.checkpointedBatchSize(checkpointing)
            .orElseGet(
                () ->
                    BatchSizer.firstBatch(
                        sizing, memoryModel, device, paramsMb, spec.training().batchSize()));
    return BatchBackoff.run(
        first,
        Math.min(sizing.minBatchSize(), first),
        b ->
            attempt.train(
                placed.withBatchSize(b),
                candidate.genotype(),
                data,
                network,
                b == first ? checkpointing : checkpointing.discardingMismatched(),
                reporter));
  }

  private long params(TrainingData data) {
    return new Profiler().count(EvalTrainer.network(candidate.genotype(), spec, data)).params();
  }

  /** The failed result when even the smallest batch ran out of memory. */
  private EvalResult noBatchFits(
      BatchBackoff.Outcome<EvalResult> outcome, TrainingData data, long startNanos) {
    return EvalResult.failed(
        candidate.genotype(),
        outcome.error().getMessage() + "; no smaller batch at or above " + sizing.minBatchSize(),
        params(data),
        List.of(),
        spec.device().toString(),
        outcome.batchSize(),
        (System.nanoTime() - startNanos) / 1e9);
  }
}
