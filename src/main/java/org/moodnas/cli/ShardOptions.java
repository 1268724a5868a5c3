package org.moodnas.cli;

import org.moodnas.core.DeviceSpec;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.InvalidSettingException;
import picocli.CommandLine.Option;

/** How many devices one training without Spark splits its batches over (data parallel). */
final class ShardOptions {

  @Option(
      names = "--gpus-per-trial",
      paramLabel = "N",
      description =
          "devices the training splits each batch over, batch norm synchronized, one optimizer"
              + " step: with --device gpu:K the GPUs K to K+N-1; on the CPU N shards of the"
              + " batch on the CPU, the same code path (default: 1)")
  int gpusPerTrial = 1;

  /** {@code first} and the next devices, one per shard of batches of {@code batchSize}. */
  DeviceSpec devices(DeviceSpec first, int batchSize) {
    if (gpusPerTrial < 1) {
      throw new InvalidSettingException("gpusPerTrial", "must be ≥ 1, got " + gpusPerTrial);
    }
    DeviceSpec devices = gpusPerTrial == 1 ? first : first.withShards(gpusPerTrial);
    FanOutSpec.requireShards(devices.shards(), batchSize);
    return devices;
  }
}
