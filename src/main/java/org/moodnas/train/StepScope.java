package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Collection;

/**
 * One training step's memory: a sub-manager to which every long-lived array (parameters, optimizer
 * state) is temporarily attached, so the step's intermediates, gradients handles and results are
 * freed when it closes while the long-lived arrays go back to their owners. Keeps native memory
 * flat across steps.
 */
final class StepScope implements AutoCloseable {

  final NDManager manager;

  StepScope(NDManager parent, Collection<NDArray> longLived) {
    // PyTorch's grad mode is per thread and on by default; DJL turns it off only on the thread that
    // started the engine. Off here, so in-place updates of parameters work on any thread (Spark
    // task threads); an AutogradStep turns it on for its forward and backward.
    JniUtils.setGradMode(false);
    manager = parent.newSubManager();
    longLived.forEach(a -> a.tempAttach(manager));
  }

  @Override
  public void close() {
    manager.close();
  }
}
