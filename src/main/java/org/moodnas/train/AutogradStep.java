package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/**
 * One recorded forward pass and its backward on the current thread, nothing global: PyTorch's grad
 * mode is per thread, so trainings on other threads run undisturbed (DJL's GradientCollector is one
 * per process). Parameters in {@code frozen} are excluded for the step, so backward computes no
 * gradient nobody uses (the architecture step needs none for the weights, the weight step none for
 * α and β).
 */
final class AutogradStep implements AutoCloseable {

  private final List<NDArray> frozen;

  AutogradStep(List<NDArray> frozen) {
    this.frozen = frozen;
    frozen.forEach(a -> a.setRequiresGradient(false));
    JniUtils.setGradMode(true);
  }

  /** Gradients of {@code loss} (a scalar) into every parameter that is not frozen. */
  void backward(NDArray loss) {
    try (NDArray seed = loss.onesLike()) {
      JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
    }
  }

  @Override
  public void close() {
    JniUtils.setGradMode(false);
    frozen.forEach(a -> a.setRequiresGradient(true));
  }
}
