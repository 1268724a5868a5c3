package org.moodnas.core;

import java.util.Optional;

/** The datasets the pipeline knows, by the names users type. */
public enum DatasetKind {
  FASHION_MNIST("fashion-mnist", "/usr/share/datasets/fashion-mnist"),
  CIFAR10("cifar10", null),
  CIFAR100("cifar100", null),
  IMAGENET("imagenet", null);

  private final String id;
  private final String defaultPath;

  DatasetKind(String id, String defaultPath) {
    this.id = id;
    this.defaultPath = defaultPath;
  }

  /** The user-facing name, e.g. "fashion-mnist". */
  public String id() {
    return id;
  }

  /** Where the data is when no path is given; only Fashion-MNIST ships with the system. */
  public Optional<String> defaultPath() {
    return Optional.ofNullable(defaultPath);
  }

  /** The kind called {@code name} (case-insensitive). */
  public static DatasetKind byName(String name) {
    return EnumNames.byName(values(), name, "dataset");
  }

  @Override
  public String toString() {
    return id;
  }
}
