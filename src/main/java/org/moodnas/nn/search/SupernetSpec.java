package org.moodnas.nn.search;

/**
 * What fixes a PC-DARTS supernet: width, depth, classes and the family. CIFAR's (model_search.py):
 * a stride-1 3×3 stem to 3·C, operations on 1/4 of each edge's channels, reduction cells only from
 * 5 layers on. ImageNet's (model_search_imagenet.py): the stride-8 stem of the ImageNet network
 * widened to 3·C, the first cell reducing its s0, operations on 1/2 of each edge's channels,
 * reduction cells at any depth.
 */
public record SupernetSpec(int initChannels, int layers, int classes, Kind kind) {

  /** model_search.py places reduction cells only in supernets of at least this many layers. */
  public static final int MIN_CIFAR_REDUCING_LAYERS = 5;

  /** The supernet family, which follows the dataset. */
  public enum Kind {
    CIFAR(4),
    IMAGENET(2);

    private final int partialChannels;

    Kind(int partialChannels) {
      this.partialChannels = partialChannels;
    }
  }

  public SupernetSpec {
    if (kind == null) {
      throw new IllegalArgumentException("supernet kind is required");
    }
    if (initChannels < 1 || initChannels % (2 * kind.partialChannels) != 0) {
      throw new IllegalArgumentException(
          "supernet init channels must be a multiple of "
              + 2 * kind.partialChannels
              + ", got "
              + initChannels);
    }
    if (layers < 1 || classes < 1) {
      throw new IllegalArgumentException(
          "supernet layers and classes must be ≥ 1, got " + layers + " and " + classes);
    }
  }

  public static SupernetSpec cifar(int initChannels, int layers, int classes) {
    return new SupernetSpec(initChannels, layers, classes, Kind.CIFAR);
  }

  public static SupernetSpec imagenet(int initChannels, int layers, int classes) {
    return new SupernetSpec(initChannels, layers, classes, Kind.IMAGENET);
  }

  /** PC-DARTS's k: each mixed edge runs its operations on 1/k of the channels. */
  public int partialChannels() {
    return kind.partialChannels;
  }

  /**
   * Whether cell {@code i} reduces: at layers/3 and 2·layers/3, but in CIFAR's supernet only from 5
   * layers on (model_search.py's condition; shallower CIFAR supernets have no reduction cell, and
   * their reduction α and β are never trained). ImageNet's reduces at any depth.
   */
  public boolean reducesAt(int i) {
    boolean place = i == layers / 3 || i == 2 * layers / 3;
    return place && (kind == Kind.IMAGENET || layers >= MIN_CIFAR_REDUCING_LAYERS);
  }

  /** Whether any cell reduces (false for CIFAR's supernet below 5 layers). */
  public boolean hasReductionCells() {
    for (int i = 0; i < layers; i++) {
      if (reducesAt(i)) {
        return true;
      }
    }
    return false;
  }

  /** A fresh, uninitialized supernet of this spec. */
  public SearchNetwork build() {
    return new SearchNetwork(this);
  }
}
