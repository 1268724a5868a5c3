package org.moodnas.spark.executor;

import org.moodnas.core.CheckpointSpec;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrialResult;
import org.moodnas.core.Weight;
import org.moodnas.data.TrainingData;
import org.moodnas.train.SearchTrainer;

/**
 * One search trial as a Spark task: the sweep's spec, this trial's weight and where it keeps its
 * training states (it continues from the newest one it finds). With {@code simulateSeconds} set it
 * solves the toy problem instead of training ({@link SimulatedTrial}).
 */
public record TrialTask(
    int index, SearchSpec spec, Weight weight, Double simulateSeconds, CheckpointSpec checkpoints)
    implements FanOutTask<TrialResult> {

  /** A trial without training states. */
  public TrialTask(int index, SearchSpec spec, Weight weight, Double simulateSeconds) {
    this(index, spec, weight, simulateSeconds, CheckpointSpec.NONE);
  }

  @Override
  public String description() {
    return "mood-nas trial " + index + " ν=" + weight.nu();
  }

  @Override
  public TrialResult run(ProgressAccumulator progress, TaskSlot slot) throws InterruptedException {
    if (simulateSeconds != null) {
      return SimulatedTrial.run(this, progress);
    }
    TaskProgressReporter<SearchEpoch> reporter =
        new TaskProgressReporter<>(progress, index, spec.training().epochs());
    DeviceSpec device = TaskPlacement.device(spec.device());
    TrainingData data = DataCache.get(spec.data(), spec.training());
    TaskPlacement.useThreads(device, slot.threads());
    TrialResult r =
        new SearchTrainer(spec.withDevice(device), weight, reporter)
            .run(data, TaskCheckpointing.of(checkpoints));
    return r.withDevice(TaskPlacement.describe(device, r.device(), slot.threads()));
  }
}
