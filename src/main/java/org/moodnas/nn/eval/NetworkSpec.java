package org.moodnas.nn.eval;

import ai.djl.ndarray.types.Shape;
import org.moodnas.nn.ops.Norm;
import org.moodnas.space.Genotype;

/**
 * Everything that fixes an evaluation network's structure: the genotype, width, depth, classes,
 * auxiliary head, the stem kind, the input images it takes, and whether it has its batch
 * normalizations ({@code batchNorm}: always when trained; without them for latency as published).
 */
public record NetworkSpec(
    Genotype genotype,
    int initChannels,
    int layers,
    int classes,
    boolean auxiliary,
    Kind kind,
    int inputChannels,
    int imageSize,
    boolean batchNorm) {

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
    return new NetworkSpec(
        genotype, initChannels, layers, classes, auxiliary, Kind.CIFAR, 3, 32, true);
  }

  /** An ImageNet network on 3×224×224 images. */
  public static NetworkSpec imagenet(
      Genotype genotype, int initChannels, int layers, int classes, boolean auxiliary) {
    return new NetworkSpec(
        genotype, initChannels, layers, classes, auxiliary, Kind.IMAGENET, 3, 224, true);
  }

  /** The same network for other images (Fashion-MNIST: 1 channel, 28×28). */
  public NetworkSpec withInput(int channels, int size) {
    return new NetworkSpec(
        genotype, initChannels, layers, classes, auxiliary, kind, channels, size, batchNorm);
  }

  public NetworkSpec withAuxiliary(boolean aux) {
    return new NetworkSpec(
        genotype, initChannels, layers, classes, aux, kind, inputChannels, imageSize, batchNorm);
  }

  /**
   * The same network with every batch normalization of its stem and cells removed (the auxiliary
   * head keeps its own): what the published tables timed. Parameters are counted on the network as
   * trained.
   */
  public NetworkSpec withoutBatchNorm() {
    return new NetworkSpec(
        genotype, initChannels, layers, classes, auxiliary, kind, inputChannels, imageSize, false);
  }

  /** The normalization of the cells' operations. */
  public Norm norm() {
    return batchNorm ? Norm.AFFINE : Norm.NONE;
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
