package org.moodnas.train;

import org.moodnas.core.DatasetKind;
import org.moodnas.data.ImageSet;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.profile.Profiler;
import org.moodnas.space.Genotype;

/**
 * The published model size of a searched genotype: its evaluation network at the dataset's
 * published evaluation setting, no auxiliary head, parameters / 1e6. CIFAR-stem datasets: 36
 * channels, 20 cells, the dataset's classes and input; ImageNet: 48 channels, 14 cells, 1000
 * classes on 3×224×224 (a search subset may hold fewer classes; the network it stands for has
 * 1000).
 */
public final class SearchedModelSize {

  static final int CIFAR_CHANNELS = 36;
  static final int CIFAR_LAYERS = 20;
  static final int IMAGENET_CHANNELS = 48;
  static final int IMAGENET_LAYERS = 14;
  static final int IMAGENET_CLASSES = 1000;

  private SearchedModelSize() {}

  /** The evaluation network a genotype searched on {@code kind}'s {@code images} stands for. */
  public static NetworkSpec network(Genotype genotype, DatasetKind kind, ImageSet images) {
    if (kind == DatasetKind.IMAGENET) {
      return NetworkSpec.imagenet(
          genotype, IMAGENET_CHANNELS, IMAGENET_LAYERS, IMAGENET_CLASSES, false);
    }
    return NetworkSpec.cifar(genotype, CIFAR_CHANNELS, CIFAR_LAYERS, images.classes(), false)
        .withInput(images.channels(), images.height());
  }

  /** Its size in MB (parameters / 1e6). */
  public static double mb(Genotype genotype, DatasetKind kind, ImageSet images) {
    return new Profiler().count(network(genotype, kind, images)).paramSizeMb();
  }
}
