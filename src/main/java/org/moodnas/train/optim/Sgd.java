package org.moodnas.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * torch.optim.SGD with momentum and weight decay: g = ∇ + wd·w; buf = μ·buf + g (buf = g on the
 * first step); w −= lr·buf. Written out so the semantics are PyTorch's to the letter (learning rate
 * outside the buffer, which matters when the cosine schedule changes it).
 */
public final class Sgd {

  private final double momentum;
  private final double weightDecay;
  private final List<NDArray> buffers = new ArrayList<>();

  public Sgd(double momentum, double weightDecay) {
    this.momentum = momentum;
    this.weightDecay = weightDecay;
  }

  /** Updates {@code weights[i]} in place from {@code grads[i]}; state is kept in {@code state}. */
  public void step(List<NDArray> weights, List<NDArray> grads, double lr, NDManager state) {
    for (int i = 0; i < weights.size(); i++) {
      NDArray w = weights.get(i);
      NDArray g = weightDecay == 0 ? grads.get(i) : grads.get(i).add(w.mul((float) weightDecay));
      if (buffers.size() <= i) {
        buffers.add(OptimizerState.keep(g.duplicate(), state, g.getManager()));
      } else {
        buffers.get(i).muli((float) momentum).addi(g);
      }
      w.subi(buffers.get(i).mul((float) lr));
    }
  }

  /**
   * Continues from momentum buffers a checkpoint kept ({@link #state()}'s, in order; none before
   * the first step), already owned by the optimizer's state manager.
   */
  public void restore(List<NDArray> state) {
    buffers.clear();
    buffers.addAll(state);
  }

  /** Arrays the optimizer keeps across steps (to scope them with the parameters). */
  public List<NDArray> state() {
    return buffers;
  }
}
