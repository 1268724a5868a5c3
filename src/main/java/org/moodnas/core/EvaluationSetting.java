package org.moodnas.core;

/**
 * The evaluation network a searched genotype is costed at (a trial's model size, the profile a
 * search run's result table shows): the published evaluation setting of the dataset it was searched
 * on. CIFAR-stem datasets: 36 channels, 20 cells, the dataset's classes; ImageNet: its stride-8
 * network at 48 channels, 14 cells, 1000 classes (a search subset may hold fewer; the network it
 * stands for has 1000).
 */
public record EvaluationSetting(NetworkKind network, int initChannels, int layers, int classes) {

  /** The setting of genotypes searched on {@code dataset}. */
  public static EvaluationSetting of(DatasetKind dataset) {
    return switch (dataset) {
      case IMAGENET -> new EvaluationSetting(NetworkKind.IMAGENET, 48, 14, 1000);
      case CIFAR100 -> new EvaluationSetting(NetworkKind.CIFAR, 36, 20, 100);
      case CIFAR10, FASHION_MNIST -> new EvaluationSetting(NetworkKind.CIFAR, 36, 20, 10);
    };
  }
}
