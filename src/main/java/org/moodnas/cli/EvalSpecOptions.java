package org.moodnas.cli;

import org.moodnas.core.DataSource;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.LrSchedule;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Every setting of training a genotype from scratch: {@link EvalSpec} as options. The options show
 * train.py's settings as defaults; on ImageNet the settings not given are train_imagenet.py's
 * ({@link EvalSpec#publishedFor}).
 */
final class EvalSpecOptions {

  private static final EvalSpec DEFAULTS = EvalSpec.DEFAULTS;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Mixin DataOptions data;

  @Mixin TrainingOptions training = new TrainingOptions(DEFAULTS.training());

  @Option(
      names = "--auxiliary",
      negatable = true,
      description =
          "train with the auxiliary head (off by default, as in train.py and train_imagenet.py)")
  boolean auxiliary = DEFAULTS.auxiliary();

  @Option(
      names = {"--auxiliary-weight", "--auxiliary_weight"},
      description = "weight of the auxiliary head's loss")
  double auxiliaryWeight = DEFAULTS.auxiliaryWeight();

  @Option(
      names = {"--drop-path-prob", "--drop_path_prob"},
      description = "drop-path probability reached at the last epoch (imagenet: 0)")
  double dropPathProb = DEFAULTS.dropPathProb();

  @Option(
      names = {"--label-smoothing", "--label_smooth"},
      paramLabel = "EPSILON",
      description =
          "label smoothing of the training loss, in [0, 1): targets (1 − ε)·one-hot + ε/classes"
              + " (imagenet: 0.1)")
  double labelSmoothing = DEFAULTS.labelSmoothing();

  @Option(
      names = {"--lr-schedule", "--lr_scheduler"},
      paramLabel = "linear|cosine",
      converter = Converters.Schedule.class,
      description =
          "learning-rate schedule: cosine from --learning-rate to --learning-rate-min, or"
              + " train_imagenet.py's linear decay (needs > 5 epochs); on imagenet, batches above"
              + " 256 warm up over the first 5 epochs (imagenet: linear)")
  LrSchedule lrSchedule = DEFAULTS.lrSchedule();

  EvalSpec spec() {
    GivenOptions given = GivenOptions.of(command);
    DataSource source = data.source(data.subsample);
    EvalSpec published = EvalSpec.publishedFor(source);
    return new EvalSpec(
        given.or("auxiliary", auxiliary, published.auxiliary()),
        given.or("auxiliaryWeight", auxiliaryWeight, published.auxiliaryWeight()),
        given.or("dropPathProb", dropPathProb, published.dropPathProb()),
        given.or("labelSmoothing", labelSmoothing, published.labelSmoothing()),
        given.or("lrSchedule", lrSchedule, published.lrSchedule()),
        training.spec(published.training(), given),
        source,
        data.device());
  }
}
