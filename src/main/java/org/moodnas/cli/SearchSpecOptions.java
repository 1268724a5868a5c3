package org.moodnas.cli;

import org.moodnas.core.Objective;
import org.moodnas.core.SearchSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Every setting of a search trial but its weight: {@link SearchSpec} as options. */
final class SearchSpecOptions {

  private static final SearchSpec DEFAULTS = SearchSpec.DEFAULTS;

  @Mixin DataOptions data;

  @Mixin TrainingOptions training = new TrainingOptions(DEFAULTS.training());

  @Option(
      names = {"--objective", "-o"},
      converter = Converters.Objective.class,
      description = "the penalty ν weighs: l1 (Σ|w|) or l2 (Σw²)")
  Objective objective = DEFAULTS.objective();

  @Option(
      names = {"--arch-learning-rate", "--arch_learning_rate"},
      description = "Adam learning rate of α and β")
  double archLearningRate = DEFAULTS.archLearningRate();

  @Option(
      names = {"--arch-weight-decay", "--arch_weight_decay"},
      description = "Adam weight decay of α and β")
  double archWeightDecay = DEFAULTS.archWeightDecay();

  @Option(
      names = {"--arch-warmup-epochs", "--arch_warmup_epochs"},
      description = "epochs of weight-only training before α and β move")
  int archWarmupEpochs = DEFAULTS.archWarmupEpochs();

  @Option(names = "--unrolled", description = "published second-order flag: not supported")
  boolean unrolled;

  SearchSpec spec() {
    if (unrolled) {
      throw new IllegalArgumentException(
          "--unrolled (second-order DARTS) is not supported: PC-DARTS and MOOD-NAS search first-order");
    }
    return new SearchSpec(
        objective,
        archLearningRate,
        archWeightDecay,
        archWarmupEpochs,
        training.spec(),
        data.source(),
        data.device());
  }
}
