package org.moodnas.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * torch.nn.utils.clip_grad_norm_: scales all gradients by max/(‖g‖ + 1e-6) when the global L2 norm
 * exceeds max. DJL's clipGrad clamps elements instead, so this is ours; one host read per call.
 */
public final class GradientClipping {

  private GradientClipping() {}

  /** Clips in place and returns the norm before clipping. */
  public static double clipGlobalNorm(List<NDArray> grads, double max) {
    NDList norms = new NDList(grads.size());
    grads.forEach(g -> norms.add(g.square().sum()));
    double total = Math.sqrt(NDArrays.stack(norms).sum().getFloat());
    double coef = max / (total + 1e-6);
    if (coef < 1) {
      grads.forEach(g -> g.muli((float) coef));
    }
    return total;
  }
}
