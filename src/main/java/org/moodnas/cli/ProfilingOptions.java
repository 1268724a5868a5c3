package org.moodnas.cli;

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

  ProfilingSpec spec() {
    return new ProfilingSpec(profileWarmup, profileRuns);
  }
}
