package org.moodnas.cli;

import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.LrSchedule;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Every setting of training a genotype from scratch: {@link EvalSpec} as options. Label smoothing
 * and the learning-rate schedule default to what PC-DARTS trains the chosen dataset with.
 */
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

  @Option(
      names = {"--label-smoothing", "--label_smooth"},
      paramLabel = "EPSILON",
      description =
          "label smoothing of the training loss, in [0, 1): targets (1 − ε)·one-hot + ε/classes"
              + " (default: 0.1 for imagenet, 0 (plain cross-entropy) for the other datasets)")
  Double labelSmoothing;

  @Option(
      names = {"--lr-schedule", "--lr_scheduler"},
      paramLabel = "linear|cosine",
      converter = Converters.Schedule.class,
      description =
          "learning-rate schedule: cosine from --learning-rate to --learning-rate-min, or"
              + " train_imagenet.py's linear decay (needs > 5 epochs); on imagenet, batches above"
              + " 256 warm up over the first 5 epochs (default: linear for imagenet, cosine for"
              + " the other datasets)")
  LrSchedule lrSchedule;

  EvalSpec spec() {
    DatasetKind dataset = data.source().dataset();
    return new EvalSpec(
        auxiliary,
        auxiliaryWeight,
        dropPathProb,
        labelSmoothing != null ? labelSmoothing : EvalSpec.publishedLabelSmoothing(dataset),
        lrSchedule != null ? lrSchedule : LrSchedule.publishedFor(dataset),
        training.spec(),
        data.source(),
        data.device());
  }
}
