package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.Objective;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrainingSpec;
import org.moodnas.core.Weight;
import org.moodnas.data.Batch;
import org.moodnas.nn.ops.GraphConstant;
import org.moodnas.nn.ops.TorchRandom;
import org.moodnas.nn.search.SearchNetwork;
import org.moodnas.nn.search.SupernetSpec;
import org.moodnas.space.Genotype;
import org.moodnas.train.optim.Adam;
import org.moodnas.train.optim.GradientClipping;
import org.moodnas.train.optim.Sgd;

/**
 * A supernet with its two optimizers and the two steps of first-order PC-DARTS. Each step runs in
 * its own {@link StepScope} and computes gradients for its own group only (the other is frozen),
 * which it clears after its update, so a step changes only its own group.
 */
public final class SearchSteps {

  private final SearchSpec spec;
  private final Weight weight;
  private final NDManager manager;
  private final SearchNetwork net;
  private final ParameterStore store;
  private final List<Parameter> weights;
  private final List<Parameter> archParams;
  private final List<NDArray> allArrays;
  private final List<NDArray> weightArrays;
  private final List<NDArray> archArrays;
  private final List<Parameter> trainedArch;
  private final List<NDArray> trainedArchArrays;
  private final boolean clipsArch;
  private final NDManager optimizerState;
  private final Sgd sgd;
  private final Adam adam;
  private final DataParallel parallel;

  /**
   * Builds and initializes the supernet of {@code spec} for images of {@code channels} × {@code
   * size} × {@code size}; the weight step minimizes the loss {@code weight} scalarizes. With
   * several devices in the spec each training batch is split over them ({@link DataParallel}).
   */
  public SearchSteps(
      SearchSpec spec, Weight weight, NDManager manager, int channels, int size, int classes) {
    this(spec, weight, manager, channels, size, classes, DataParallel.of(spec.device()));
  }

  /** {@code parallel} null: every batch whole on the manager's device. */
  SearchSteps(
      SearchSpec spec,
      Weight weight,
      NDManager manager,
      int channels,
      int size,
      int classes,
      DataParallel parallel) {
    this.spec = spec;
    this.parallel = parallel;
    this.weight = weight;
    this.manager = manager;
    TrainingSpec t = spec.training();
    net = supernet(spec, classes).build();
    TorchRandom.seeded(
        t.seed(),
        () ->
            net.initialize(
                manager, DataType.FLOAT32, new Shape(t.batchSize(), channels, size, size)));
    store = new ParameterStore(manager, false);
    weights = net.weights();
    archParams = net.arch().all();
    allArrays = Trainables.allArrays(net);
    weightArrays = Trainables.arrays(weights);
    archArrays = Trainables.arrays(archParams);
    trainedArch = net.trainedArch();
    trainedArchArrays = Trainables.arrays(trainedArch);
    // train_search_imagenet.py clips α and β to the weights' grad_clip before Adam; architect.py,
    // which CIFAR's search steps with, does not.
    clipsArch = net.spec().kind() == SupernetSpec.Kind.IMAGENET;
    optimizerState = manager.newSubManager();
    sgd = new Sgd(t.momentum(), t.weightDecay());
    adam = new Adam(spec.archLearningRate(), 0.5, 0.999, spec.archWeightDecay());
  }

  /** The supernet the spec searches: its family follows the dataset, never CIFAR's for ImageNet. */
  static SupernetSpec supernet(SearchSpec spec, int classes) {
    TrainingSpec t = spec.training();
    return spec.data().dataset() == DatasetKind.IMAGENET
        ? SupernetSpec.imagenet(t.initChannels(), t.layers(), classes)
        : SupernetSpec.cifar(t.initChannels(), t.layers(), classes);
  }

  public SearchNetwork network() {
    return net;
  }

  public List<Parameter> weights() {
    return weights;
  }

  public List<Parameter> archParameters() {
    return archParams;
  }

  private List<NDArray> longLived() {
    List<NDArray> all = new ArrayList<>(allArrays);
    all.addAll(sgd.state());
    all.addAll(adam.state());
    return all;
  }

  /**
   * Adam on α and β from plain cross-entropy on a batch of the architecture split; on ImageNet
   * their gradients are first clipped to the global norm gradClip. Only the α and β the supernet
   * uses are updated ({@link SearchNetwork#trainedArch}).
   */
  public void archStep(Batch batch) {
    try (StepScope scope = new StepScope(manager, longLived())) {
      try (AutogradStep autograd = new AutogradStep(weightArrays)) {
        autograd.backward(crossEntropy(batch, scope.manager).mean());
      }
      List<NDArray> grads = Trainables.gradients(trainedArch);
      if (clipsArch) {
        GradientClipping.clipGlobalNorm(grads, spec.training().gradClip());
      }
      adam.step(trainedArchArrays, grads, optimizerState);
      Trainables.zeroGradients(archArrays);
    }
  }

  /** The supernet's parameter count: its weights, α and β excluded (train_search.py's count). */
  public long supernetParams() {
    return weights.stream().mapToLong(p -> p.getArray().size()).sum();
  }

  /** SGD on the weights from criterion_weight · CE + ν · penalty, clipped; the batch's figures. */
  public StepStats weightStep(Batch batch, double lr, int epoch, int step) {
    try (StepScope scope = new StepScope(manager, longLived())) {
      NDArray stats;
      try (AutogradStep autograd = new AutogradStep(archArrays)) {
        DataParallel.Terms ceAndCorrect = crossEntropy(batch, scope.manager);
        NDArray ce = ceAndCorrect.mean();
        NDArray l1 = Regularizer.l1(weightArrays);
        NDArray l2 = Regularizer.l2(weightArrays);
        NDArray loss = ce.mul(GraphConstant.scalar(ce.getManager(), weight.criterionWeight()));
        if (weight.nu() != 0) {
          NDArray penalty = spec.objective() == Objective.L1 ? l1 : l2;
          loss = loss.add(penalty.mul(GraphConstant.scalar(penalty.getManager(), weight.nu())));
        }
        autograd.backward(loss);
        stats = NDArrays.stack(new NDList(loss, ce, l1, l2, ceAndCorrect.count()));
      }
      float[] values = stats.toFloatArray();
      if (!Double.isFinite(values[0])) {
        throw new NonFiniteLossException("the weight-step loss", epoch, step, values[0]);
      }
      List<NDArray> grads = Trainables.gradients(weights);
      GradientClipping.clipGlobalNorm(grads, spec.training().gradClip());
      sgd.step(weightArrays, grads, lr, optimizerState);
      Trainables.zeroGradients(weightArrays);
      return new StepStats(values[0], values[1], values[2], values[3], Math.round(values[4]));
    }
  }

  /**
   * The mean cross-entropy and correct count of a training forward pass over {@code batch}: whole,
   * or its shards' combined as the whole batch's.
   */
  private DataParallel.Terms crossEntropy(Batch batch, NDManager scope) {
    if (parallel == null) {
      return crossEntropy(BatchArrays.of(batch, scope), store);
    }
    return parallel.forward(batch, scope, this::crossEntropy);
  }

  private DataParallel.Terms crossEntropy(NDList xy, ParameterStore parameters) {
    NDArray logits = net.forward(parameters, new NDList(xy.get(0)), true).head();
    return new DataParallel.Terms(
        CrossEntropy.mean(logits, xy.get(1)), CrossEntropy.correct(logits, xy.get(1)));
  }

  /** Number of correct top-1 predictions on a batch, in inference mode. */
  public long correct(Batch batch) {
    try (StepScope scope = new StepScope(manager, allArrays)) {
      NDList xy = BatchArrays.of(batch, scope.manager);
      NDArray logits = net.forward(store, new NDList(xy.get(0)), false).head();
      return (long) CrossEntropy.correct(logits, xy.get(1)).getFloat();
    }
  }

  /** Writes the weights, α, β, BN statistics and both optimizers' state (copied to the host). */
  void save(StateOutput out) {
    out.arrays(allArrays).arrays(sgd.state()).arrays(adam.state()).number(adam.steps());
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
    List<NDArray> moments = in.arrays(optimizerState);
    adam.restore(moments, Math.toIntExact(in.integer()));
  }

  /** The genotype α and β currently select. */
  public Genotype genotype() {
    try (StepScope scope = new StepScope(manager, allArrays)) {
      return net.genotype(store, manager.getDevice());
    }
  }
}
