package org.moodnas.nn.eval;

import ai.djl.ndarray.types.Shape;
import org.moodnas.space.Genotype;

/**
 * Everything that fixes an evaluation network's structure: the genotype, width, depth, classes,
 * auxiliary head, the stem kind and the input images it takes.
 */
public record NetworkSpec(
    Genotype genotype,
    int initChannels,
    int layers,
    int classes,
    boolean auxiliary,
    Kind kind,
    int inputChannels,
    int imageSize) {

  /** The stem family: CIFAR's 3×3 conv stem or the ImageNet stride-8 stem. */
  public enum Kind {
    CIFAR,
    IMAGENET
  }

  public NetworkSpec {
    if (initChannels < 2 || initChannels % 2 != 0) {
      throw new IllegalArgumentException(
          "init channels must be an even number ≥ 2, got " + initChannels);
    }
    if (layers < 1) {
      throw new IllegalArgumentException("layers must be ≥ 1, got " + layers);
    }
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be ≥ 1, got " + classes);
    }
    if (inputChannels < 1 || imageSize < 1) {
      throw new IllegalArgumentException(
          "input must have ≥ 1 channel and size ≥ 1, got " + inputChannels + "×" + imageSize);
    }
  }

  /** A CIFAR network on 3×32×32 images. */
  public static NetworkSpec cifar(
      Genotype genotype, int initChannels, int layers, int classes, boolean auxiliary) {
    return new NetworkSpec(genotype, initChannels, layers, classes, auxiliary, Kind.CIFAR, 3, 32);
  }

  /** An ImageNet network on 3×224×224 images. */
  public static NetworkSpec imagenet(
      Genotype genotype, int initChannels, int layers, int classes, boolean auxiliary) {
    return new NetworkSpec(
        genotype, initChannels, layers, classes, auxiliary, Kind.IMAGENET, 3, 224);
  }

  /** The same network for other images (Fashion-MNIST: 1 channel, 28×28). */
  public NetworkSpec withInput(int channels, int size) {
    return new NetworkSpec(
        genotype, initChannels, layers, classes, auxiliary, kind, channels, size);
  }

  public NetworkSpec withAuxiliary(boolean aux) {
    return new NetworkSpec(
        genotype, initChannels, layers, classes, aux, kind, inputChannels, imageSize);
  }

  /** The input shape for a batch. */
  public Shape inputShape(int batch) {
    return new Shape(batch, inputChannels, imageSize, imageSize);
  }

  /** A fresh, uninitialized network of this spec. */
  public EvalNetwork build() {
    return switch (kind) {
      case CIFAR -> new CifarNetwork(this);
      case IMAGENET -> new ImageNetNetwork(this);
    };
  }
}
