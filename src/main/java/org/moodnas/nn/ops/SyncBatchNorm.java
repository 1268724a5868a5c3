package org.moodnas.nn.ops;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * nn.BatchNorm2d over NCHW that also normalizes a data-parallel step's shards with the statistics
 * of the whole batch (synchronized batch normalization). Outside a {@link ShardGroup} it is DJL's
 * BatchNorm op for op (the same engine call, the same parameters in the same order and the same
 * saved format, so checkpoints are interchangeable). Inside one, each shard sums its channels'
 * values, then their squared deviations from the batch mean, with every other shard ({@link
 * ShardGroup#allReduceSum}): mean and biased variance of the whole batch, gradients through both;
 * shard 0 updates the running statistics once, with the unbiased variance, as the whole batch
 * would.
 */
public final class SyncBatchNorm extends AbstractBlock {

  private static final byte VERSION = 2; // DJL BatchNorm's

  private final float epsilon;
  private final float momentum;
  private final boolean affine;
  private final Parameter gamma;
  private final Parameter beta;
  private final Parameter runningMean;
  private final Parameter runningVar;
  private long inChannels;

  /** {@code momentum} counted as DJL does (0.9 is PyTorch's 0.1). */
  public SyncBatchNorm(float epsilon, float momentum, boolean affine) {
    super(VERSION);
    this.epsilon = epsilon;
    this.momentum = momentum;
    this.affine = affine;
    gamma = addParameter(param("gamma", Parameter.Type.GAMMA, affine));
    beta = addParameter(param("beta", Parameter.Type.BETA, affine));
    runningMean = addParameter(param("runningMean", Parameter.Type.RUNNING_MEAN, false));
    runningVar = addParameter(param("runningVar", Parameter.Type.RUNNING_VAR, false));
  }

  private static Parameter param(String name, Parameter.Type type, boolean grad) {
    return Parameter.builder().setName(name).setType(type).optRequiresGrad(grad).build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    // Plain layout whatever comes in: libtorch's channels-last batch norm is several times slower
    // at the few channels (C/k) of a partial-channel edge.
    NDArray x = ChannelsLast.plain(inputs.singletonOrThrow());
    NDArray g = store.getValue(gamma, x.getDevice(), training);
    NDArray b = store.getValue(beta, x.getDevice(), training);
    NDArray mean = store.getValue(runningMean, x.getDevice(), training);
    NDArray var = store.getValue(runningVar, x.getDevice(), training);
    ShardGroup.Member shard = ShardGroup.current();
    if (!training || shard == null || shard.group().shards() == 1) {
      return BatchNorm.batchNorm(x, mean, var, g, b, 1, momentum, epsilon, training);
    }
    if (!shard.group().syncNorm()) {
      boolean first = shard.index() == 0; // nn.DataParallel keeps the first replica's statistics
      return BatchNorm.batchNorm(
          x,
          first ? mean : mean.duplicate(),
          first ? var : var.duplicate(),
          g,
          b,
          1,
          momentum,
          epsilon,
          true);
    }
    return new NDList(synchronizedNorm(shard, x, g, b, mean, var));
  }

  private NDArray synchronizedNorm(
      ShardGroup.Member shard, NDArray x, NDArray g, NDArray b, NDArray mean, NDArray var) {
    NDManager m = x.getManager();
    Shape s = x.getShape();
    int[] axes = {0, 2, 3};
    double count = (double) shard.group().total() * s.get(2) * s.get(3);
    NDArray perValue = GraphConstant.scalar(m, 1 / count);
    NDArray batchMean = shard.group().allReduceSum(shard.index(), x.sum(axes)).mul(perValue);
    NDArray centred = x.sub(batchMean.reshape(1, s.get(1), 1, 1));
    NDArray squares = centred.square().sum(axes);
    NDArray batchVar = shard.group().allReduceSum(shard.index(), squares).mul(perValue);
    NDArray std = batchVar.add(GraphConstant.scalar(m, epsilon)).sqrt();
    NDArray y = centred.div(std.reshape(1, s.get(1), 1, 1));
    if (affine) {
      y = y.mul(g.reshape(1, s.get(1), 1, 1)).add(b.reshape(1, s.get(1), 1, 1));
    }
    if (shard.index() == 0) {
      updateRunning(mean, var, batchMean, batchVar, count);
    }
    return y;
  }

  /**
   * running ← momentum · running + (1 − momentum) · batch (unbiased variance), outside autograd.
   */
  private void updateRunning(
      NDArray mean, NDArray var, NDArray batchMean, NDArray batchVar, double count) {
    try (NDManager scope = mean.getManager().newSubManager()) {
      NDArray bm = batchMean.stopGradient();
      NDArray bv = batchVar.stopGradient();
      bm.attach(scope);
      bv.attach(scope);
      mean.muli(momentum).addi(bm.mul(1 - momentum));
      var.muli(momentum).addi(bv.mul((float) ((1 - momentum) * count / (count - 1))));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void beforeInitialize(Shape... inputShapes) {
    super.beforeInitialize(inputShapes);
    inChannels = inputShapes[0].get(1);
  }

  @Override
  public void prepare(Shape[] inputShapes) {
    gamma.setShape(new Shape(inChannels));
    beta.setShape(new Shape(inChannels));
    runningMean.setShape(new Shape(inChannels));
    runningVar.setShape(new Shape(inChannels));
  }

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    saveInputShapes(os);
    os.writeLong(inChannels);
  }

  @Override
  public void loadMetadata(byte loadVersion, DataInputStream is)
      throws IOException, MalformedModelException {
    if (loadVersion == VERSION) {
      readInputShapes(is);
    } else if (loadVersion != 1) {
      throw new MalformedModelException("Unsupported encoding version: " + loadVersion);
    }
    inChannels = is.readLong();
  }
}
