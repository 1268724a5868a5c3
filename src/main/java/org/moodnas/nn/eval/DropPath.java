package org.moodnas.nn.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.moodnas.nn.ops.GraphConstant;
import org.moodnas.nn.ops.ShardGroup;

/**
 * Drops a whole path per sample with probability p and rescales survivors by 1/(1-p). The masks
 * come from the training's own generator, not the engine's global one: trainings on other threads
 * draw from that too, which would make every training's masks depend on the others'. The shards of
 * a data-parallel step share the masks the whole batch draws, so their update is the whole batch's.
 */
public final class DropPath {

  private Random random = new Random(0);
  private float prob;

  /** Restarts the masks' generator (a training seeds it with its own seed). */
  public void seed(long seed) {
    random.setSeed(seed);
  }

  /** The masks' generator, live: a checkpoint serializes it. */
  public Random random() {
    return random;
  }

  /** Continues the masks from a generator a checkpoint kept. */
  public void restore(Random generator) {
    random = generator;
  }

  public void setProb(float prob) {
    this.prob = prob;
  }

  public float prob() {
    return prob;
  }

  /** {@code x} with each sample's path kept with probability 1 − p and scaled by 1/(1 − p). */
  public NDArray apply(NDArray x) {
    if (prob <= 0f) {
      return x;
    }
    int n = (int) x.getShape().get(0);
    ShardGroup.Member shard = ShardGroup.current();
    float[] mask;
    if (shard == null) {
      mask = masks(n);
    } else { // a shard of a data-parallel step: its rows of the whole batch's masks
      float[] whole = shard.group().fromFirst(shard.index(), () -> masks(shard.group().total()));
      mask = Arrays.copyOfRange(whole, shard.offset(), shard.offset() + n);
    }
    return x.mul(GraphConstant.of(x.getManager(), mask, new Shape(n, 1, 1, 1)));
  }

  private float[] masks(int n) {
    float keep = 1f - prob;
    float[] mask = new float[n];
    for (int i = 0; i < n; i++) {
      mask[i] = random.nextFloat() < keep ? 1f / keep : 0f;
    }
    return mask;
  }
}
