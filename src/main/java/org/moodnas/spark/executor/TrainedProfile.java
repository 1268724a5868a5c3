package org.moodnas.spark.executor;

import org.moodnas.core.DatasetKind;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.ProfileRecord;
import org.moodnas.core.ProfilingSpec;
import org.moodnas.data.TrainingData;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.profile.Profiler;

/**
 * The profile of a genotype a task has just trained: its network at the trained width, depth and
 * classes, on the family's standard input (3×32×32 or 3×224×224, so that rows of one key agree
 * whatever images trained it), latency on the device and PyTorch threads the task trained with.
 */
final class TrainedProfile {

  /** The source until the driver, which knows the run, records it under the run's id. */
  static final String PENDING_SOURCE = "train";

  private TrainedProfile() {}

  /** The profile, or null when it could not be taken: a training that worked is kept anyway. */
  static ProfileRecord measure(
      EvalCandidate candidate,
      TrainingData data,
      EvalSpec spec,
      ProfilingSpec profiling,
      DeviceSpec device) {
    int classes = data.train().classes();
    int c = spec.training().initChannels();
    int layers = spec.training().layers();
    NetworkSpec net =
        data.kind() == DatasetKind.IMAGENET
            ? NetworkSpec.imagenet(candidate.genotype(), c, layers, classes, false)
            : NetworkSpec.cifar(candidate.genotype(), c, layers, classes, false);
    try {
      return new Profiler()
          .profile(net, candidate.arch(), profiling.latencyOn(device), PENDING_SOURCE);
    } catch (RuntimeException e) {
      // e.g. out of memory at the profile's batch: Spark would retrain the genotype for it
      System.err.println("mood-nas: " + candidate.arch() + " not profiled: " + e.getMessage());
      return null;
    }
  }
}
