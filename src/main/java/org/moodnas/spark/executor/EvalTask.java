package org.moodnas.spark.executor;

import java.util.List;
import org.moodnas.core.BatchSizing;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.ProfilingSpec;
import org.moodnas.data.TrainingData;
import org.moodnas.memory.MemoryModel;
import org.moodnas.profile.Profiler;
import org.moodnas.train.DeviceOutOfMemoryException;
import org.moodnas.train.EvalTrainer;

/**
 * One genotype's evaluation as a Spark task: the candidate, the job's evaluation spec, how its
 * batch is sized (with the memory model, for GPUs), where its checkpoint goes and how the trained
 * genotype is profiled. An out-of-memory training is retried with a smaller batch ({@link
 * BatchBackoff}); a successful one is profiled here, on the device and threads it trained with.
 */
public record EvalTask(
    int index,
    EvalCandidate candidate,
    EvalSpec spec,
    BatchSizing sizing,
    MemoryModel memoryModel,
    String checkpoint,
    ProfilingSpec profiling)
    implements FanOutTask<EvalResult> {

  @Override
  public String description() {
    return "mood-nas evaluation " + candidate.arch();
  }

  @Override
  public EvalResult run(ProgressAccumulator progress, TaskSlot slot) {
    long start = System.nanoTime();
    TaskProgressReporter<EvalEpoch> reporter =
        new TaskProgressReporter<>(progress, index, spec.training().epochs());
    DeviceSpec device = TaskPlacement.device(spec.device());
    EvalSpec placed = spec.withDevice(device);
    TrainingData data = DataCache.get(spec.data(), spec.training());
    long params =
        new Profiler().count(EvalTrainer.network(candidate.genotype(), spec, data)).params();
    double paramsMb = params / 1e6;
    TaskPlacement.useThreads(device, slot.threads());
    int first =
        BatchSizer.firstBatch(sizing, memoryModel, device, paramsMb, spec.training().batchSize());
    int[] started = {0};
    BatchBackoff.Outcome<EvalResult> outcome =
        BatchBackoff.run(
            first,
            Math.min(sizing.minBatchSize(), first),
            b -> {
              if (++started[0] <= sizing.injectedOoms()) {
                throw new DeviceOutOfMemoryException(
                    device + " (injected)", b, new OutOfMemoryError("injected"));
              }
              return new EvalTrainer(placed.withBatchSize(b), reporter)
                  .run(candidate.genotype(), data, checkpoint);
            });
    EvalResult r = outcome.value();
    if (r == null) {
      r =
          EvalResult.failed(
              candidate.genotype(),
              outcome.error().getMessage()
                  + "; no smaller batch at or above "
                  + sizing.minBatchSize(),
              params,
              List.of(),
              device.toString(),
              outcome.batchSize(),
              (System.nanoTime() - start) / 1e9);
    }
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
}
