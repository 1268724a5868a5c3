package org.moodnas.cli;

import org.moodnas.train.DataSource;
import org.moodnas.train.DeviceSpec;
import picocli.CommandLine.Option;

/** Dataset, device and seed options shared by the training commands (published names too). */
final class DataOptions {

  @Option(
      names = {"--dataset", "--set"},
      defaultValue = "fashion-mnist",
      description = "fashion-mnist, cifar10, cifar100 or imagenet (default ${DEFAULT-VALUE})")
  String dataset;

  @Option(
      names = {"--data"},
      paramLabel = "PATH",
      description = "dataset folder, any Hadoop path (default: the dataset's standard place)")
  String data;

  @Option(
      names = "--subsample",
      defaultValue = "1.0",
      description = "keep this stratified fraction of the training images")
  double subsample;

  @Option(names = "--seed", description = "random seed")
  Long seed;

  @Option(
      names = "--device",
      defaultValue = "cpu",
      converter = DeviceConverter.class,
      description = "cpu or gpu:N")
  DeviceSpec device;

  @Option(names = "--gpu", description = "published name: GPU index (same as --device gpu:N)")
  Integer gpu;

  @Option(
      names = {"--report-freq", "--report_freq"},
      defaultValue = "50",
      description = "progress line every N steps")
  int reportFreq;

  DeviceSpec device() {
    return gpu != null ? new DeviceSpec(true, gpu) : device;
  }

  DataSource source() {
    return new DataSource(dataset, data, subsample);
  }
}
