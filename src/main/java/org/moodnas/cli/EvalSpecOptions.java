package org.moodnas.cli;

import org.moodnas.core.EvalSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Every setting of training a genotype from scratch: {@link EvalSpec} as options. */
final class EvalSpecOptions {

  private static final EvalSpec DEFAULTS = EvalSpec.DEFAULTS;

  @Mixin DataOptions data;

  @Mixin TrainingOptions training = new TrainingOptions(DEFAULTS.training());

  @Option(names = "--auxiliary", description = "train with the auxiliary head")
  boolean auxiliary = DEFAULTS.auxiliary();

  @Option(
      names = {"--auxiliary-weight", "--auxiliary_weight"},
      description = "weight of the auxiliary head's loss")
  double auxiliaryWeight = DEFAULTS.auxiliaryWeight();

  @Option(
      names = {"--drop-path-prob", "--drop_path_prob"},
      description = "drop-path probability reached at the last epoch")
  double dropPathProb = DEFAULTS.dropPathProb();

  EvalSpec spec() {
    return new EvalSpec(
        auxiliary, auxiliaryWeight, dropPathProb, training.spec(), data.source(), data.device());
  }
}
