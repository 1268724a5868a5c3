package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.moodnas.core.EvalSpec;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.nn.eval.EvalNetwork;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.nn.ops.GraphConstant;
import org.moodnas.nn.ops.TorchRandom;
import org.moodnas.train.optim.GradientClipping;
import org.moodnas.train.optim.Sgd;

/**
 * An evaluation network with its optimizer and the training step of PC-DARTS's train.py:
 * cross-entropy (label-smoothed as train_imagenet.py when the spec says so) plus the weighted
 * auxiliary loss, global-norm clipping, SGD. Evaluation uses plain cross-entropy. Out-of-memory on
 * the device surfaces as {@link DeviceOutOfMemoryException}.
 */
public final class EvalSteps {

  private final EvalSpec spec;
  private final NDManager manager;
  private final EvalNetwork net;
  private final ParameterStore store;
  private final List<Parameter> weights;
  private final List<NDArray> weightArrays;
  private final List<NDArray> allArrays;
  private final NDManager optimizerState;
  private final Sgd sgd;
  private final DataParallel parallel;

  /** With several devices in the spec each training batch is split over them. */
  public EvalSteps(EvalSpec spec, NDManager manager, NetworkSpec network) {
    this(spec, manager, network, DataParallel.of(spec.device()));
  }

  /** {@code parallel} null: every batch whole on the manager's device. */
  EvalSteps(EvalSpec spec, NDManager manager, NetworkSpec network, DataParallel parallel) {
    this.spec = spec;
    this.parallel = parallel;
    this.manager = manager;
    net = network.build();
    long seed = spec.training().seed();
    TorchRandom.seeded(
        seed,
        () ->
            net.initialize(
                manager, DataType.FLOAT32, network.inputShape(spec.training().batchSize())));
    net.dropPath().seed(seed);
    store = new ParameterStore(manager, false);
    weights = Trainables.trainable(net);
    weightArrays = Trainables.arrays(weights);
    allArrays = Trainables.allArrays(net);
    optimizerState = manager.newSubManager();
    sgd = new Sgd(spec.training().momentum(), spec.training().weightDecay());
  }

  public EvalNetwork network() {
    return net;
  }

  /** The parameters the step trains. */
  public List<Parameter> weights() {
    return weights;
  }

  /** What one training step measured on its batch: the loss it minimized, the correct count. */
  public record Figures(double loss, long correct) {}

  /** One SGD step and its batch's figures. */
  public Figures trainStep(Batch batch, double lr, int epoch, int step) {
    List<NDArray> longLived = new ArrayList<>(allArrays);
    longLived.addAll(sgd.state());
    try (StepScope scope = new StepScope(manager, longLived)) {
      NDArray stats;
      try (AutogradStep autograd = new AutogradStep(List.of())) {
        DataParallel.Terms lossAndCorrect =
            parallel == null
                ? lossAndCorrect(BatchArrays.of(batch, scope.manager), store)
                : parallel.forward(batch, scope.manager, this::lossAndCorrect);
        autograd.backward(lossAndCorrect.mean());
        stats = NDArrays.stack(new NDList(lossAndCorrect.mean(), lossAndCorrect.count()));
      }
      float[] v = stats.toFloatArray();
      if (!Double.isFinite(v[0])) {
        throw new NonFiniteLossException("the training loss", epoch, step, v[0]);
      }
      List<NDArray> grads = Trainables.gradients(weights);
      GradientClipping.clipGlobalNorm(grads, spec.training().gradClip());
      sgd.step(weightArrays, grads, lr, optimizerState);
      Trainables.zeroGradients(weightArrays);
      return new Figures(v[0], Math.round(v[1]));
    } catch (RuntimeException e) {
      if (DeviceOutOfMemoryException.isOutOfMemory(e)) {
        throw new DeviceOutOfMemoryException(manager.getDevice().toString(), batch.count(), e);
      }
      throw e;
    }
  }

  /** Writes the weights, BN statistics, momentum buffers and drop path's generator. */
  void save(StateOutput out) {
    out.arrays(allArrays).arrays(sgd.state()).random(net.dropPath().random());
  }

  /**
   * What a checkpoint copies to host memory between two steps for these steps (no epoch records or
   * data positions, which are small): for measuring that stall.
   */
  public byte[] snapshot() {
    return StateOutput.bytesOf(this::save);
  }

  /** Continues from what {@link #save} wrote. */
  void restore(StateInput in) {
    try (StepScope scope = new StepScope(manager, allArrays)) {
      in.arraysInto(allArrays, scope.manager);
    }
    sgd.restore(in.arrays(optimizerState));
    net.dropPath().restore(in.random());
  }

  /** The training loss and correct count of a forward pass over a batch (or a shard). */
  private DataParallel.Terms lossAndCorrect(NDList xy, ParameterStore parameters) {
    NDList out = net.forward(parameters, new NDList(xy.get(0)), true);
    double smoothing = spec.labelSmoothing();
    NDArray loss = CrossEntropy.smoothed(out.get(0), xy.get(1), smoothing);
    if (out.size() > 1) {
      NDArray aux = CrossEntropy.smoothed(out.get(1), xy.get(1), smoothing);
      loss = loss.add(aux.mul(GraphConstant.scalar(aux.getManager(), spec.auxiliaryWeight())));
    }
    return new DataParallel.Terms(loss, CrossEntropy.correct(out.get(0), xy.get(1)));
  }

  /**
   * {mean cross-entropy, top-1 accuracy, top-5 accuracy} over a set's batches in inference mode;
   * the top-5 count only when the spec records it (else NaN).
   */
  public double[] evaluate(BatchIterator batches) {
    long images = 0;
    double loss = 0;
    double correct = 0;
    double top5 = 0;
    while (batches.hasNext()) {
      Batch batch = batches.next();
      try (StepScope scope = new StepScope(manager, allArrays)) {
        NDList xy = BatchArrays.of(batch, scope.manager);
        NDArray logits = net.forward(store, new NDList(xy.get(0)), false).head();
        NDArray ce = CrossEntropy.mean(logits, xy.get(1));
        NDList figures = new NDList(ce, CrossEntropy.correct(logits, xy.get(1)));
        if (spec.recordsTop5()) {
          figures.add(CrossEntropy.correctTopK(logits, xy.get(1), 5));
        }
        float[] v = NDArrays.stack(figures).toFloatArray();
        loss += v[0] * batch.count();
        correct += v[1];
        top5 += v.length > 2 ? v[2] : Double.NaN;
        images += batch.count();
      }
    }
    return new double[] {loss / images, correct / images, top5 / images};
  }
}
