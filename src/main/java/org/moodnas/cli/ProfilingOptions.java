package org.moodnas.cli;

import org.moodnas.core.LatencySync;
import org.moodnas.core.ProfilingSpec;
import picocli.CommandLine.Option;

/** How a command measures the latency of the networks it profiles ({@link ProfilingSpec}). */
final class ProfilingOptions {

  @Option(
      names = "--profile-runs",
      description =
          "timed forward passes of each profiled network (no BN) whose mean is the latency"
              + " recorded in profiles; 0: parameters and FLOPs only (default: ${DEFAULT-VALUE})")
  int profileRuns = ProfilingSpec.DEFAULT.profileRuns();

  @Option(
      names = "--profile-warmup",
      description = "unmeasured forward passes before the timed ones (default: ${DEFAULT-VALUE})")
  int profileWarmup = ProfilingSpec.DEFAULT.profileWarmup();

  /** How the timed passes wait for the device: profile's --latency-sync, train's --profile-sync. */
  static final String SYNC_HELP =
      "none: the timed passes run back to back under one timer, none waited for (OFA's"
          + " measure_net_latency, the published tables'); every-pass: each timed alone and"
          + " waited for, a GPU's time to a result (default: ${DEFAULT-VALUE})";

  @Option(
      names = "--profile-sync",
      converter = Converters.Sync.class,
      paramLabel = "none|every-pass",
      description = SYNC_HELP)
  LatencySync profileSync = ProfilingSpec.DEFAULT.profileSync();

  ProfilingSpec spec() {
    return new ProfilingSpec(profileWarmup, profileRuns, profileSync);
  }
}
