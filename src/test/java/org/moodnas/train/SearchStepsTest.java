package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.Objective;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrainingSpec;
import org.moodnas.core.TrialResult;
import org.moodnas.core.TrialStatus;
import org.moodnas.core.Weight;
import org.moodnas.data.Batch;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSet;
import org.moodnas.data.Normalization;
import org.moodnas.data.TrainingData;

class SearchStepsTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  /** Random 1×16×16 images: the steps' behaviour does not depend on what the pixels show. */
  private static ImageSet images(int n) {
    Random r = new Random(7);
    byte[] px = new byte[n * 16 * 16];
    r.nextBytes(px);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 10;
    }
    return new ImageSet(px, labels, 1, 16, 16, 10);
  }

  private static SearchSpec spec(double clip) {
    return SearchSpec.DEFAULTS
        .withObjective(Objective.L1)
        .withArchWarmupEpochs(0)
        .withTraining(training(clip).build());
  }

  private static TrainingSpec.Builder training(double clip) {
    return SearchSpec.DEFAULTS.training().toBuilder()
        .batchSize(8)
        .epochs(1)
        .initChannels(8)
        .layers(5)
        .gradClip(clip);
  }

  private static SearchSteps steps(double nu, double clip, NDManager manager) {
    return new SearchSteps(spec(clip), new Weight(nu, 1), manager, 1, 16, 10);
  }

  private static List<float[]> snapshot(List<Parameter> params) {
    return params.stream().map(p -> p.getArray().toFloatArray()).toList();
  }

  private static boolean changed(List<float[]> before, List<Parameter> params) {
    List<float[]> after = snapshot(params);
    for (int i = 0; i < before.size(); i++) {
      if (!java.util.Arrays.equals(before.get(i), after.get(i))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void eachStepChangesOnlyItsOwnParameterGroup() {
    ImageSet set = images(16);
    DataFeed feed = DataFeed.plain(Normalization.of(set));
    SearchSteps steps = steps(1e-3, 5.0, manager);
    Batch batch = feed.eval(set, 8).next();

    List<float[]> w0 = snapshot(steps.weights());
    List<float[]> a0 = snapshot(steps.archParameters());
    steps.archStep(batch);
    assertThat(changed(a0, steps.archParameters())).as("α, β after the arch step").isTrue();
    assertThat(changed(w0, steps.weights())).as("weights after the arch step").isFalse();

    List<float[]> w1 = snapshot(steps.weights());
    List<float[]> a1 = snapshot(steps.archParameters());
    StepStats stats = steps.weightStep(batch, 0.1, 0, 0);
    assertThat(changed(w1, steps.weights())).as("weights after the weight step").isTrue();
    assertThat(changed(a1, steps.archParameters())).as("α, β after the weight step").isFalse();
    // loss = CE + ν·L1 and the L1 reported is Σ|w| over the weights before the update
    assertThat(stats.loss())
        .isCloseTo(
            stats.criterionLoss() + 1e-3 * stats.l1Loss(),
            org.assertj.core.api.Assertions.within(1e-3));
    assertThat(stats.correct()).isBetween(0L, 8L);
    double l1 =
        w1.stream()
            .mapToDouble(
                a -> {
                  double s = 0;
                  for (float v : a) s += Math.abs(v);
                  return s;
                })
            .sum();
    assertThat(stats.l1Loss())
        .isCloseTo(l1, org.assertj.core.api.Assertions.withinPercentage(0.01));
  }

  @Test
  void aLargePenaltyShrinksTheWeights() {
    ImageSet set = images(16);
    DataFeed feed = DataFeed.plain(Normalization.of(set));
    // Without clipping each step moves every weight by lr·ν (plus momentum) towards 0.
    SearchSteps steps = steps(1.0, 1e9, manager);
    Batch batch = feed.eval(set, 8).next();
    double l1Before = steps.weightStep(batch, 0.01, 0, 0).l1Loss();
    double l1After = 0;
    for (int i = 1; i < 5; i++) {
      l1After = steps.weightStep(batch, 0.01, 0, i).l1Loss();
    }
    assertThat(l1After).isLessThan(l1Before * 0.9);
  }

  @Test
  void aDivergingTrialEndsFailedWithItsReason() {
    ImageSet set = images(32);
    SearchSpec exploding =
        spec(1e30)
            .withTraining(
                training(1e30).learningRate(1e30).learningRateMin(1e30).epochs(2).build());
    TrainingData data =
        new TrainingData(
            set, images(8), images(8), Normalization.of(set), DatasetKind.FASHION_MNIST);
    TrialResult r =
        new SearchTrainer(exploding, new Weight(0, 1), TrainingProgress.none()).run(data);
    assertThat(r.status()).isEqualTo(TrialStatus.FAILED);
    assertThat(r.error()).startsWith("the weight-step loss is ").contains("at epoch");
    assertThat(r.genotype()).isNull();
    assertThat(r.metrics()).isNull();
  }
}
