package org.moodnas.nn.ops;

/**
 * The batch normalization that ends an operation: affine (an evaluation network's), fixed (the
 * supernet's non-affine BN) or none (removed, as the published latency tables measured networks).
 */
public enum Norm {
  AFFINE,
  FIXED,
  NONE
}
