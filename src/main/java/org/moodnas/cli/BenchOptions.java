package org.moodnas.cli;

import java.nio.file.Path;
import org.moodnas.bench.StepBenchmark;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.TrainingSpec;
import picocli.CommandLine.Option;

/**
 * A step benchmark's network size and batch, the shape of its random images, how many steps it
 * times, and where; each benchmark starts from its own sizes.
 */
final class BenchOptions {

  @Option(
      names = {"--init-channels", "--init_channels"},
      description = "channels of the first cell")
  int initChannels;

  @Option(names = "--layers", description = "cells of the network")
  int layers;

  @Option(
      names = {"--batch-size", "--batch_size"},
      description = "images per step")
  int batchSize;

  @Option(names = "--steps", description = "timed steps (the median is reported)")
  int steps = 10;

  @Option(names = "--warmup", description = "untimed steps first")
  int warmup = 3;

  @Option(names = "--device", converter = Converters.Device.class, description = "cpu or gpu:N")
  DeviceSpec device = DeviceSpec.CPU;

  @Option(names = "--threads", description = "PyTorch CPU threads (default: the machine's cores)")
  Integer threads;

  @Option(names = "--input-channels", description = "channels of the random images")
  int inputChannels = 3;

  @Option(names = "--image-size", description = "side of the random images")
  int imageSize = 32;

  @Option(names = "--classes", description = "classes of the random labels")
  int classes = 10;

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description =
          "after the timed steps, profile one more and write libtorch's trace of it to FILE"
              + " (Chrome trace JSON: every native op and its time; chrome://tracing, Perfetto)")
  Path trace;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "DIR",
      description =
          "after the timed steps, write as many training states of the steps to DIR as steps were"
              + " timed, timing the stall (the copy to host memory) and the background write")
  Path checkpointDir;

  /** The benchmark these options ask for. */
  StepBenchmark benchmark() {
    return new StepBenchmark(warmup, steps, threads(), trace, checkpointDir);
  }

  /** The PyTorch threads to use: as given, else the machine's cores. */
  int threads() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }

  BenchOptions(int initChannels, int layers, int batchSize) {
    this.initChannels = initChannels;
    this.layers = layers;
    this.batchSize = batchSize;
  }

  /** {@code defaults} with this benchmark's network size and batch. */
  TrainingSpec training(TrainingSpec defaults) {
    return defaults.toBuilder()
        .initChannels(initChannels)
        .layers(layers)
        .batchSize(batchSize)
        .build();
  }
}
