package org.moodnas.cli;

import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.DeviceSpec;
import picocli.CommandLine.Option;

/** Which images a training reads and where it runs (published names too). */
final class DataOptions {

  @Option(
      names = {"--dataset", "--set"},
      converter = Converters.Dataset.class,
      description = "fashion-mnist, cifar10, cifar100 or imagenet")
  DatasetKind dataset = DataSource.FASHION_MNIST.dataset();

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description =
          "the dataset's folder, any Hadoop path (default: /usr/share/datasets/fashion-mnist for"
              + " fashion-mnist; required for the others)")
  String path;

  @Option(
      names = "--subsample",
      description =
          "keep this stratified share of the training images (imagenet search: 0.125, with"
              + " --train-portion 0.8 PC-DARTS's subsets of 10 %% and 2.5 %%)")
  double subsample = DataSource.FASHION_MNIST.subsample();

  @Option(
      names = "--device",
      converter = Converters.Device.class,
      description =
          "cpu or gpu:N (a Spark task that was given GPUs trains on them); several split each"
              + " batch over them (data parallel): gpu:N,M,… or cpu*N, N shards on the CPU")
  DeviceSpec device = DeviceSpec.CPU;

  @Option(names = "--gpu", paramLabel = "N", description = "published name of --device gpu:N")
  Integer gpu;

  DeviceSpec device() {
    return gpu != null ? DeviceSpec.gpu(gpu) : device;
  }

  /** The images to read, keeping {@code share} of the training images. */
  DataSource source(double share) {
    return new DataSource(dataset, path, share);
  }
}
