package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The two memory layouts of an (N, C, H, W) array: plain (NCHW) and channels-last (the same values,
 * indexed the same way, laid out N, H, W, C). DJL has no memory-format call; a reshape that cannot
 * be a view copies into the layout wanted, and is a free view when the array already has it.
 */
public final class ChannelsLast {

  private ChannelsLast() {}

  /**
   * Whether the layouts pay off for {@code x}: on the CPU, where they answer oneDNN's kernels (see
   * the callers). On a GPU cuDNN has kernels of its own for plain arrays, and these copies would be
   * untested there: left out.
   */
  public static boolean pays(NDArray x) {
    return !x.getDevice().isGpu();
  }

  /** {@code x} stored channels-last: one copy, recorded for autograd, unless it already is. */
  public static NDArray of(NDArray x) {
    Shape s = x.getShape();
    long n = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    return x.transpose(0, 2, 3, 1).reshape(n * h, w, c).reshape(n, h, w, c).transpose(0, 3, 1, 2);
  }

  /** {@code x} stored plain (NCHW): one copy, recorded for autograd, unless it already is. */
  public static NDArray plain(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0) * s.get(1), s.get(2) * s.get(3)).reshape(s);
  }

  /**
   * {@code x} (N, C, H, W) as one image of N·C channels stored channels-last: libtorch's pooling
   * kernels vectorize across the channels of a channels-last array and loop plane by plane, element
   * by element, over a plain one. One copy, a 2-D transpose (libtorch's blocked transpose kernel; a
   * 4-D permuted copy gathers element by element).
   */
  public static NDArray planes(NDArray x) {
    Shape s = x.getShape();
    long nc = s.get(0) * s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    return x.reshape(nc, h * w)
        .transpose(1, 0)
        .reshape(-1)
        .reshape(1, h, w, nc)
        .transpose(0, 3, 1, 2);
  }

  /** The inverse of {@link #planes}: (1, N·C, H, W) back to a plain (N, C, H, W). One copy. */
  public static NDArray unplanes(NDArray planes, long n, long c) {
    Shape s = planes.getShape();
    long h = s.get(2);
    long w = s.get(3);
    return planes
        .transpose(0, 2, 3, 1)
        .reshape(h * w, n * c)
        .transpose(1, 0)
        .reshape(-1)
        .reshape(n, c, h, w);
  }
}
