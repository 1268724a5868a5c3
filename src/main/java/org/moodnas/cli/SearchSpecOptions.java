package org.moodnas.cli;

import org.moodnas.core.DataSource;
import org.moodnas.core.Objective;
import org.moodnas.core.SearchSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Every setting of a search trial but its weight: {@link SearchSpec} as options. The options show
 * train_search.py's settings as defaults; the settings not given are the published search of the
 * dataset and objective ({@link SearchSpec#publishedFor}): train_search_imagenet.py's on ImageNet,
 * and the weight decay follows the objective.
 */
final class SearchSpecOptions {

  private static final SearchSpec DEFAULTS = SearchSpec.DEFAULTS;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Mixin DataOptions data;

  @Mixin TrainingOptions training = new TrainingOptions(DEFAULTS.training());

  @Option(
      names = {"--objective", "-o"},
      converter = Converters.Objective.class,
      description = "the penalty ν weighs: l1 (Σ|w|) or l2 (Σw²)")
  Objective objective = DEFAULTS.objective();

  @Option(
      names = {"--arch-learning-rate", "--arch_learning_rate"},
      description = "Adam learning rate of α and β (imagenet: 6e-3)")
  double archLearningRate = DEFAULTS.archLearningRate();

  @Option(
      names = {"--arch-weight-decay", "--arch_weight_decay"},
      description = "Adam weight decay of α and β")
  double archWeightDecay = DEFAULTS.archWeightDecay();

  @Option(
      names = {"--arch-warmup-epochs", "--arch_warmup_epochs"},
      description = "epochs of weight-only training before α and β move (imagenet: 35)")
  int archWarmupEpochs = DEFAULTS.archWarmupEpochs();

  @Option(names = "--unrolled", description = "published second-order flag: not supported")
  boolean unrolled;

  SearchSpec spec() {
    if (unrolled) {
      throw new IllegalArgumentException(
          "--unrolled (second-order DARTS) is not supported: PC-DARTS and MOOD-NAS search first-order");
    }
    GivenOptions given = GivenOptions.of(command);
    DataSource source =
        data.source(
            given.or("subsample", data.subsample, SearchSpec.publishedSubsample(data.dataset)));
    Objective chosen = given.or("objective", objective, DEFAULTS.objective());
    SearchSpec published = SearchSpec.publishedFor(source, chosen);
    return new SearchSpec(
        chosen,
        given.or("archLearningRate", archLearningRate, published.archLearningRate()),
        given.or("archWeightDecay", archWeightDecay, published.archWeightDecay()),
        given.or("archWarmupEpochs", archWarmupEpochs, published.archWarmupEpochs()),
        training.spec(published.training(), given),
        source,
        data.device());
  }
}
