package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.LrSchedule;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrainingSpec;
import picocli.CommandLine;

/** conf/presets/*.args are picocli @-files that the commands they name take as given. */
class PresetsTest {

  private static final Path PRESETS = Path.of("conf/presets");

  private static List<Path> presets(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(PRESETS)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** The command object picocli filled from {@code args}. */
  private static Object parsed(String... args) {
    CommandLine.ParseResult r = MoodNas.commandLine().parseArgs(args);
    return r.subcommand().commandSpec().userObject();
  }

  private static DatasetKind datasetOf(Path preset) {
    return DatasetKind.byName(preset.getFileName().toString().split("-(search|train|demo)")[0]);
  }

  @Test
  void searchPresetsGiveValidSweepsOfTheirDataset() throws IOException {
    List<Path> searches = presets("-search.args");
    assertThat(searches)
        .extracting(p -> p.getFileName().toString())
        .contains("cifar10-search.args", "cifar100-search.args");
    for (Path p : searches) {
      SearchSpec s = ((SearchCommand) parsed("search", "@" + p, "--data", "/data")).search.spec();
      assertThat(s.data().dataset()).as(p.toString()).isEqualTo(datasetOf(p));
      assertThat(s.training().epochs()).as(p.toString()).isEqualTo(50);
    }
  }

  @Test
  void trainPresetsGiveValidEvaluationsOfTheirDataset() throws IOException {
    List<Path> trainings = presets("-train.args");
    assertThat(trainings)
        .extracting(p -> p.getFileName().toString())
        .contains("cifar10-train.args", "cifar100-train.args", "imagenet-train.args");
    for (Path p : trainings) {
      EvalSpec e = trainSpec(p);
      assertThat(e.data().dataset()).as(p.toString()).isEqualTo(datasetOf(p));
      // the published README trains CIFAR with --auxiliary; train_imagenet.py's default is off
      assertThat(e.auxiliary())
          .as(p.toString())
          .isEqualTo(e.data().dataset() != DatasetKind.IMAGENET);
      if (e.data().dataset() != DatasetKind.IMAGENET) {
        assertThat(e.training().epochs()).as(p.toString()).isEqualTo(600);
        assertThat(e.lrSchedule()).as(p.toString()).isEqualTo(LrSchedule.COSINE);
        assertThat(e.labelSmoothing()).as(p.toString()).isZero();
      }
    }
  }

  private static EvalSpec trainSpec(Path preset) {
    return ((TrainCommand) parsed("train", "@" + preset, "--archs", "DARTS_V2", "--data", "/data"))
        .eval.spec();
  }

  @Test
  void theImageNetPresetIsTrainImageNetsPublishedRecipe() {
    EvalSpec e = trainSpec(PRESETS.resolve("imagenet-train.args"));
    TrainingSpec t = e.training();
    assertThat(new int[] {t.epochs(), t.batchSize(), t.initChannels(), t.layers()})
        .containsExactly(250, 1024, 48, 14);
    assertThat(new double[] {t.learningRate(), t.momentum(), t.weightDecay(), t.gradClip()})
        .containsExactly(0.5, 0.9, 3e-5, 5.0);
    assertThat(e.auxiliaryWeight()).isEqualTo(0.4);
    assertThat(e.dropPathProb()).isZero();
    assertThat(t.cutout()).isFalse();
    assertThat(e.labelSmoothing()).isEqualTo(0.1);
    assertThat(e.lrSchedule()).isEqualTo(LrSchedule.LINEAR);
    assertThat(e.warmsUp()).isTrue();
  }

  @Test
  void imageNetDefaultsToItsRecipeAndOptionsOverrideIt() {
    EvalSpec plain = ((TrainOneCommand) parsed("train-one", "--arch", "DARTS_V2")).eval.spec();
    assertThat(plain.labelSmoothing()).isZero();
    assertThat(plain.lrSchedule()).isEqualTo(LrSchedule.COSINE);
    String[] imagenet = {
      "train-one", "--arch", "DARTS_V2", "--dataset", "imagenet", "--data", "/i"
    };
    EvalSpec byDefault = ((TrainOneCommand) parsed(imagenet)).eval.spec();
    assertThat(byDefault.labelSmoothing()).isEqualTo(0.1);
    assertThat(byDefault.lrSchedule()).isEqualTo(LrSchedule.LINEAR);
    String[] chosen = Arrays.copyOf(imagenet, imagenet.length + 4);
    System.arraycopy(
        new String[] {"--label-smoothing", "0", "--lr-schedule", "cosine"}, 0, chosen, 7, 4);
    EvalSpec overridden = ((TrainOneCommand) parsed(chosen)).eval.spec();
    assertThat(overridden.labelSmoothing()).isZero();
    assertThat(overridden.lrSchedule()).isEqualTo(LrSchedule.COSINE);
  }

  @Test
  void theFrontPresetSearchesLongerOnMoreDataThanTheDemo() {
    SearchSpec demo =
        ((SearchCommand) parsed("search", "@" + PRESETS.resolve("fashion-mnist-demo.args")))
            .search.spec();
    SearchSpec front =
        ((SearchCommand) parsed("search", "@" + PRESETS.resolve("fashion-mnist-front.args")))
            .search.spec();
    assertThat(front.data().dataset()).isEqualTo(DatasetKind.FASHION_MNIST);
    assertThat(front.training().epochs()).isGreaterThan(demo.training().epochs());
    assertThat(front.data().subsample()).isGreaterThan(demo.data().subsample());
    // architecture steps for most of its epochs, where the penalty can shape the cells
    assertThat(front.archWarmupEpochs()).isLessThan(front.training().epochs() / 2);
  }

  @Test
  void optionsAfterAPresetWin() {
    SearchCommand c =
        (SearchCommand)
            parsed("search", "@" + PRESETS.resolve("fashion-mnist-demo.args"), "--epochs", "1");
    assertThat(c.search.spec().training().epochs()).isEqualTo(1);
    assertThat(c.fanOut.spec().parallelism()).isEqualTo(2);
  }

  @Test
  void theImageNetPresetSearchesOnTheTenAndTwoAndAHalfPercentSubsets() {
    Path preset = PRESETS.resolve("imagenet-search.args");
    SearchSpec s =
        ((SearchCommand) parsed("search", "@" + preset, "--data", "/data")).search.spec();
    // train_search_imagenet.py: 10 % of the training images train the weights, 2.5 % α and β
    double weights = s.data().subsample() * s.training().trainPortion();
    double arch = s.data().subsample() * (1 - s.training().trainPortion());
    assertThat(weights).isCloseTo(0.10, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(arch).isCloseTo(0.025, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(s.training().batchSize()).isEqualTo(1024);
    assertThat(s.training().learningRate()).isEqualTo(0.5);
    assertThat(s.archLearningRate()).isEqualTo(6e-3);
    assertThat(s.archWarmupEpochs()).isEqualTo(35);
    SearchSpec mine =
        ((SearchCommand) parsed("search", "@" + preset, "--data", "/data", "--batch-size", "256"))
            .search.spec();
    assertThat(mine.training().batchSize()).isEqualTo(256);
  }
}
