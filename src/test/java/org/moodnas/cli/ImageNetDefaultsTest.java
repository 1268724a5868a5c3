package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.LrSchedule;
import org.moodnas.core.Objective;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrainingSpec;
import picocli.CommandLine;

/**
 * On ImageNet the options not given take PC-DARTS's ImageNet recipe (the presets' values); given
 * options win; the other datasets keep their defaults. Parsing only: nothing trains.
 */
class ImageNetDefaultsTest {

  private static Object parsed(String... args) {
    CommandLine.ParseResult r = MoodNas.commandLine().parseArgs(args);
    return r.subcommand().commandSpec().userObject();
  }

  private static SearchSpec search(String... args) {
    return ((SearchCommand) parsed(args)).search.spec();
  }

  private static EvalSpec train(String... args) {
    return ((TrainCommand) parsed(args)).eval.spec();
  }

  @Test
  void anImageNetSearchDefaultsToTrainSearchImagenet() {
    SearchSpec s = search("search", "--dataset", "imagenet", "--data", "/i", "--objective", "l1");
    TrainingSpec t = s.training();
    // train_search_imagenet.py's --batch_size default, as multiobjective.py's ImageNet sweep ran
    assertThat(new int[] {t.batchSize(), t.epochs(), t.initChannels(), t.layers()})
        .containsExactly(128, 50, 16, 8);
    assertThat(new double[] {t.learningRate(), t.learningRateMin(), t.gradClip(), t.weightDecay()})
        .containsExactly(0.5, 0, 5, 3e-4);
    assertThat(new double[] {s.archLearningRate(), s.archWeightDecay()})
        .containsExactly(6e-3, 1e-3);
    assertThat(s.archWarmupEpochs()).isEqualTo(35);
    assertThat(s.data().subsample()).isEqualTo(0.125);
    assertThat(t.trainPortion()).isEqualTo(0.8);
    // at batch 128 the script's warm-up (only above 256) never runs
    assertThat(t.warmsUpOn(s.data().dataset())).isFalse();
    // the preset of the published ImageNet sweep states the same values
    assertThat(search("search", "@conf/presets/imagenet-l1-fixed-l2-search.args", "--data", "/i"))
        .isEqualTo(s);
  }

  @Test
  void givenOptionsWinOverTheImageNetRecipe() {
    SearchSpec s =
        search(
            "search",
            "--dataset",
            "imagenet",
            "--data",
            "/i",
            "--learning_rate",
            "0.1",
            "--batch-size",
            "256",
            "--subsample",
            "1",
            "--arch-warmup-epochs",
            "15");
    assertThat(s.training().learningRate()).isEqualTo(0.1);
    assertThat(s.training().batchSize()).isEqualTo(256);
    assertThat(s.data().subsample()).isEqualTo(1);
    assertThat(s.archWarmupEpochs()).isEqualTo(15);
    // a given option equal to the CIFAR default still wins; the rest stays ImageNet's
    assertThat(s.archLearningRate()).isEqualTo(6e-3);
    EvalSpec e =
        train(
            "train",
            "--archs",
            "DARTS_V2",
            "--dataset",
            "imagenet",
            "--data",
            "/i",
            "--auxiliary",
            "--epochs",
            "10",
            "--weight-decay",
            "3e-4");
    assertThat(e.auxiliary()).isTrue();
    assertThat(e.training().epochs()).isEqualTo(10);
    assertThat(e.training().weightDecay()).isEqualTo(3e-4);
    assertThat(e.training().initChannels()).isEqualTo(48);
  }

  @Test
  void anImageNetTrainingDefaultsToTrainImagenet() {
    EvalSpec e = train("train", "--archs", "DARTS_V2", "--dataset", "imagenet", "--data", "/i");
    TrainingSpec t = e.training();
    assertThat(new int[] {t.batchSize(), t.epochs(), t.initChannels(), t.layers()})
        .containsExactly(1024, 250, 48, 14);
    assertThat(new double[] {t.learningRate(), t.weightDecay(), t.gradClip(), t.momentum()})
        .containsExactly(0.5, 3e-5, 5, 0.9);
    assertThat(e.auxiliary()).isFalse(); // train_imagenet.py's --auxiliary is off by default
    assertThat(e.auxiliaryWeight()).isEqualTo(0.4);
    assertThat(e.dropPathProb()).isZero();
    assertThat(e.labelSmoothing()).isEqualTo(0.1);
    assertThat(e.lrSchedule()).isEqualTo(LrSchedule.LINEAR);
    assertThat(e.data().subsample()).isEqualTo(1);
    Path preset = Path.of("conf/presets/imagenet-train.args");
    assertThat(train("train", "@" + preset, "--archs", "DARTS_V2", "--data", "/i")).isEqualTo(e);
  }

  @Test
  void theOtherDatasetsKeepTheirDefaults() {
    DataSource cifar = new DataSource(DatasetKind.CIFAR10, "/c", 1);
    assertThat(search("search", "--dataset", "cifar10", "--data", "/c"))
        .isEqualTo(SearchSpec.DEFAULTS.withData(cifar));
    assertThat(train("train", "--archs", "DARTS_V2", "--dataset", "cifar10", "--data", "/c"))
        .isEqualTo(EvalSpec.DEFAULTS.withData(cifar));
    assertThat(search("search")).isEqualTo(SearchSpec.DEFAULTS);
    assertThat(search("search", "--objective", "l1"))
        .isEqualTo(
            SearchSpec.DEFAULTS
                .withObjective(Objective.L1)
                .withTraining(
                    SearchSpec.DEFAULTS.training().toBuilder().weightDecay(3e-4).build()));
    SearchSpec trial =
        ((SearchTrialCommand)
                parsed(
                    "search-trial",
                    "--weight",
                    "1e-4",
                    "--set",
                    "fashion-mnist",
                    "--subsample",
                    "0.01",
                    "--init_channels",
                    "8",
                    "--batch_size",
                    "64"))
            .search.spec();
    assertThat(trial.data().subsample()).isEqualTo(0.01);
    assertThat(trial.training().initChannels()).isEqualTo(8);
    assertThat(trial.training().batchSize()).isEqualTo(64);
  }
}
