package org.moodnas.core;

import java.util.Locale;

/**
 * The network family a profile was taken of: CIFAR's (3×32×32 input, 3×3 conv stem) or ImageNet's
 * (3×224×224 input, stride-8 stem).
 */
public enum NetworkKind {
  CIFAR,
  IMAGENET;

  /** "cifar" or "imagenet": how users type it and how the warehouse stores it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
