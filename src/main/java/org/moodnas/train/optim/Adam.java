package org.moodnas.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * torch.optim.Adam with L2 weight decay added to the gradient (not decoupled): g = ∇ + wd·w; m =
 * β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; w −= lr·m̂ / (√v̂ + ε) with bias-corrected m̂, v̂.
 */
public final class Adam {

  private final double lr;
  private final double beta1;
  private final double beta2;
  private final double weightDecay;
  private final double eps = 1e-8;
  private final List<NDArray> m = new ArrayList<>();
  private final List<NDArray> v = new ArrayList<>();
  private int t;

  public Adam(double lr, double beta1, double beta2, double weightDecay) {
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.weightDecay = weightDecay;
  }

  public void step(List<NDArray> weights, List<NDArray> grads, NDManager state) {
    t++;
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < weights.size(); i++) {
      NDArray w = weights.get(i);
      NDArray g = weightDecay == 0 ? grads.get(i) : grads.get(i).add(w.mul((float) weightDecay));
      if (m.size() <= i) {
        m.add(OptimizerState.keep(g.zerosLike(), state, g.getManager()));
        v.add(OptimizerState.keep(g.zerosLike(), state, g.getManager()));
      }
      m.get(i).muli((float) beta1).addi(g.mul((float) (1 - beta1)));
      v.get(i).muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
      NDArray denom = v.get(i).div((float) bc2).sqrt().addi((float) eps);
      w.subi(m.get(i).div(denom).muli((float) (lr / bc1)));
    }
  }

  /** Steps taken so far (the bias corrections' t). */
  public int steps() {
    return t;
  }

  /**
   * Continues from the moments a checkpoint kept ({@link #state()}'s: every m, then every v) after
   * {@code steps} steps; the arrays already owned by the optimizer's state manager.
   */
  public void restore(List<NDArray> state, int steps) {
    if (state.size() % 2 != 0) {
      throw new IllegalArgumentException(
          "Adam's state has an odd number of arrays: " + state.size());
    }
    m.clear();
    v.clear();
    m.addAll(state.subList(0, state.size() / 2));
    v.addAll(state.subList(state.size() / 2, state.size()));
    t = steps;
  }

  /** Every first moment, then every second moment. */
  public List<NDArray> state() {
    List<NDArray> all = new ArrayList<>(m);
    all.addAll(v);
    return all;
  }
}
