package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.LrSchedule;
import org.moodnas.core.Objective;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.Weight;
import org.moodnas.data.Batch;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.nn.ops.ShardGroup;
import org.moodnas.space.GenotypeRegistry;

/**
 * A batch split in two shards (both on the CPU: the data-parallel code path on one device; 8×8 and
 * 28×28 images, batch 7 split 4 + 3) makes the same update as the whole batch: the search's
 * architecture and weight steps (α, β, weights and the BN running statistics of the non-affine
 * supernet) and the evaluation step with auxiliary head, label smoothing and drop path. Per-shard
 * batch statistics (no synchronized BN) would not.
 */
class DataParallelTest {

  private static final List<Device> TWO_SHARDS = List.of(Device.cpu(), Device.cpu());

  private final List<NDManager> managers = new ArrayList<>();

  @AfterEach
  void close() {
    managers.forEach(NDManager::close);
  }

  private NDManager manager() {
    NDManager m = NDManager.newBaseManager(Device.cpu());
    managers.add(m);
    return m;
  }

  private static Batch batch(int n, int size, long seed) {
    Random r = new Random(seed);
    float[] data = new float[n * size * size];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) r.nextGaussian();
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(10);
    }
    return new Batch(data, labels, n, 1, size, size);
  }

  private static SearchSpec searchSpec() {
    return SearchSpec.DEFAULTS
        .withObjective(Objective.L1)
        .withArchWarmupEpochs(0)
        .withTraining(
            SearchSpec.DEFAULTS.training().toBuilder()
                .batchSize(7)
                .initChannels(8)
                .layers(3)
                .build());
  }

  /** Parameters after an architecture step and a weight step; the weight step's figures last. */
  private After searchStep(DataParallel parallel) {
    Weight weight = new Weight(1e-4, 0.9);
    SearchSteps steps = new SearchSteps(searchSpec(), weight, manager(), 1, 8, 10, parallel);
    steps.archStep(batch(7, 8, 1));
    float[] figures = steps.weightStep(batch(7, 8, 2), 0.1, 0, 0).figures();
    return after(steps.network(), figures);
  }

  private static EvalSpec evalSpec() {
    return EvalSpec.DEFAULTS
        .withAuxiliary(true)
        .withRecipe(0.1, LrSchedule.COSINE)
        .withTraining(
            EvalSpec.DEFAULTS.training().toBuilder()
                .initChannels(8)
                .layers(3)
                .batchSize(7)
                .build());
  }

  private After evalStep(DataParallel parallel) {
    NetworkSpec net =
        NetworkSpec.cifar(GenotypeRegistry.bundled().get("PC_DARTS_cifar"), 8, 3, 10, true)
            .withInput(1, 28);
    EvalSteps steps = new EvalSteps(evalSpec(), manager(), net, parallel);
    steps.network().dropPath().setProb(0.3f);
    EvalSteps.Figures f = steps.trainStep(batch(7, 28, 3), 0.1, 0, 0);
    return after(steps.network(), new float[] {(float) f.loss(), f.correct()});
  }

  /**
   * What a step leaves: the trained parameters (weights, and α and β in a search), the other arrays
   * (BN running statistics, the supernet's fixed BN scale and shift) and the step's figures.
   */
  private record After(List<float[]> trained, List<float[]> statistics, float[] figures) {}

  private static After after(Block net, float[] figures) {
    List<Parameter> trained = Trainables.trainable(net);
    List<float[]> t = new ArrayList<>();
    List<float[]> other = new ArrayList<>();
    for (Pair<String, Parameter> p : net.getParameters()) {
      (trained.contains(p.getValue()) ? t : other).add(p.getValue().getArray().toFloatArray());
    }
    return new After(t, other, figures);
  }

  /** Largest |a − b| over every value. */
  private static double maxAbsoluteDifference(List<float[]> a, List<float[]> b) {
    double max = 0;
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < a.get(i).length; j++) {
        max = Math.max(max, Math.abs(a.get(i)[j] - b.get(i)[j]));
      }
    }
    return max;
  }

  /**
   * Compares two steps: trained parameters and figures relative to their array's scale, running
   * statistics absolutely (a running mean is a small difference of unit-scale activations, with no
   * relative precision of its own). Returns {parameters, statistics, figures}.
   */
  private static double[] differences(After a, After b) {
    return new double[] {
      maxRelativeDifference(a.trained(), b.trained()),
      maxAbsoluteDifference(a.statistics(), b.statistics()),
      maxRelativeDifference(List.of(a.figures()), List.of(b.figures()))
    };
  }

  private static void assertSameUpdate(String what, After whole, After synced, After perShard) {
    double[] same = differences(whole, synced);
    double[] unsynced = differences(whole, perShard);
    System.out.printf(
        "%s: two shards, synchronized BN: parameters %.3g (relative), running statistics %.3g"
            + " (absolute), figures %.3g; per-shard BN: parameters %.3g%n",
        what, same[0], same[1], same[2], unsynced[0]);
    assertThat(same[0]).as("parameters").isLessThan(1e-5);
    assertThat(same[1]).as("running statistics").isLessThan(1e-6);
    assertThat(same[2]).as("figures").isLessThan(1e-5);
    assertThat(unsynced[0]).as("parameters with per-shard BN").isGreaterThan(1e-3);
  }

  /**
   * The largest difference of two snapshots relative to the scale of its array: max over arrays of
   * max |a − b| / max |a| (a value near 0, such as a running mean, has no relative precision of its
   * own).
   */
  private static double maxRelativeDifference(List<float[]> a, List<float[]> b) {
    double max = 0;
    for (int i = 0; i < a.size(); i++) {
      double scale = 1e-12;
      double diff = 0;
      for (int j = 0; j < a.get(i).length; j++) {
        scale = Math.max(scale, Math.abs(a.get(i)[j]));
        diff = Math.max(diff, Math.abs(a.get(i)[j] - b.get(i)[j]));
      }
      max = Math.max(max, diff / scale);
    }
    return max;
  }

  @Test
  void searchStepsOverTwoShardsUpdateAsTheWholeBatch() {
    assertSameUpdate(
        "search",
        searchStep(null),
        searchStep(new DataParallel(TWO_SHARDS, true)),
        searchStep(new DataParallel(TWO_SHARDS, false)));
  }

  @Test
  void evalStepOverTwoShardsUpdatesAsTheWholeBatch() {
    assertSameUpdate(
        "evaluation",
        evalStep(null),
        evalStep(new DataParallel(TWO_SHARDS, true)),
        evalStep(new DataParallel(TWO_SHARDS, false)));
  }

  @Test
  void aFailingShardFailsTheStepRatherThanLeaveTheOthersWaiting() {
    NDManager m = manager();
    DataParallel parallel = new DataParallel(TWO_SHARDS, true);
    DataParallel.ShardPass pass =
        (xy, store) -> {
          ShardGroup.Member shard = ShardGroup.current();
          if (shard.index() == 1) {
            throw new IllegalStateException("shard 1 fails");
          }
          NDArray sum = shard.group().allReduceSum(0, xy.get(0).sum());
          return new DataParallel.Terms(sum, sum);
        };
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            assertThatThrownBy(() -> parallel.forward(batch(4, 8, 5), m, pass))
                .hasMessage("shard 1 fails"));
  }
}
