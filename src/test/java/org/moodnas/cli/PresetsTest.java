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
import org.moodnas.core.Objective;
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
    return DatasetKind.byName(
        preset.getFileName().toString().split("-(l1|l2|search|train|demo|front)")[0]);
  }

  @Test
  void aPresetFileThatDoesNotExistIsNamedInOneLine() {
    CliRun r = CliRun.of("search", "@conf/presets/nope.args", "--simulate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("mood-nas: @conf/presets/nope.args: no such preset or argument file");
  }

  @Test
  void everyPresetParses() throws IOException {
    List<Path> all = presets(".args");
    assertThat(all).hasSize(10);
    for (Path p : all) {
      String name = p.getFileName().toString();
      if (name.endsWith("-train.args")) {
        assertThat(trainSpec(p).data().dataset()).as(name).isEqualTo(datasetOf(p));
      } else {
        assertThat(searchSpec(p).data().dataset()).as(name).isEqualTo(datasetOf(p));
      }
    }
  }

  @Test
  void thereIsOneSearchPresetPerPublishedSweep() throws IOException {
    assertThat(presets("-search.args"))
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "cifar10-l1-fixed-l2-search.args",
            "cifar10-l1-search.args",
            "cifar10-l2-search.args",
            "cifar100-l1-fixed-l2-search.args",
            "imagenet-l1-fixed-l2-search.args");
    // multiobjective.py's sweeps: -o l2 and -o l1 with --weight_decay 0.0, -o l1 with 3e-4
    assertSweep("cifar10-l2-search.args", Objective.L2, 0);
    assertSweep("cifar10-l1-search.args", Objective.L1, 0);
    assertSweep("cifar10-l1-fixed-l2-search.args", Objective.L1, 3e-4);
    assertSweep("cifar100-l1-fixed-l2-search.args", Objective.L1, 3e-4);
    assertSweep("imagenet-l1-fixed-l2-search.args", Objective.L1, 3e-4);
    for (Path p : presets("-search.args")) {
      SearchSpec s = searchSpec(p);
      assertThat(s.training().epochs()).as(p.toString()).isEqualTo(50);
      if (s.data().dataset() != DatasetKind.IMAGENET) {
        // train_search.py's --learning_rate_min
        assertThat(s.training().learningRateMin()).as(p.toString()).isEqualTo(0.001);
      }
    }
  }

  private static void assertSweep(String preset, Objective objective, double weightDecay) {
    SearchSpec s = searchSpec(PRESETS.resolve(preset));
    assertThat(s.objective()).as(preset).isEqualTo(objective);
    assertThat(s.training().weightDecay()).as(preset).isEqualTo(weightDecay);
  }

  @Test
  void theSearchDefaultsAreThePublishedSweepOfTheirObjective() {
    // without --weight-decay the objective picks the published pairing
    assertThat(
            parsedSearch("search", "--dataset", "cifar10", "--data", "/data", "--objective", "l2"))
        .isEqualTo(searchSpec(PRESETS.resolve("cifar10-l2-search.args")));
    assertThat(
            parsedSearch("search", "--dataset", "cifar10", "--data", "/data", "--objective", "l1"))
        .isEqualTo(searchSpec(PRESETS.resolve("cifar10-l1-fixed-l2-search.args")));
    assertThat(
            parsedSearch("search", "--dataset", "cifar100", "--data", "/data", "--objective", "l1"))
        .isEqualTo(searchSpec(PRESETS.resolve("cifar100-l1-fixed-l2-search.args")));
    // a given weight decay wins over the objective's
    assertThat(
            parsedSearch("search", "--objective", "l1", "--weight-decay", "0")
                .training()
                .weightDecay())
        .isZero();
    assertThat(
            parsedSearch("search-trial", "--weight", "0.1", "--objective", "l1")
                .training()
                .weightDecay())
        .isEqualTo(3e-4);
    // the Fashion-MNIST sweeps run on the published L2 pairing
    for (String demo : new String[] {"fashion-mnist-demo.args", "fashion-mnist-front.args"}) {
      assertSweep(demo, Objective.L2, 0);
    }
  }

  private static SearchSpec searchSpec(Path preset) {
    return parsedSearch("search", "@" + preset, "--data", "/data");
  }

  private static SearchSpec parsedSearch(String... args) {
    Object command = parsed(args);
    return command instanceof SearchCommand c
        ? c.search.spec()
        : ((SearchTrialCommand) command).search.spec();
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
        // no batch given: the memory model sizes it on a GPU, train.py's 96 on a CPU
        assertThat(Files.readString(p)).as(p.toString()).doesNotContain("\n--batch-size");
        assertThat(e.training().batchSize()).as(p.toString()).isEqualTo(96);
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
    Path preset = PRESETS.resolve("imagenet-l1-fixed-l2-search.args");
    SearchSpec s = searchSpec(preset);
    // train_search_imagenet.py: 10 % of the training images train the weights, 2.5 % α and β
    double weights = s.data().subsample() * s.training().trainPortion();
    double arch = s.data().subsample() * (1 - s.training().trainPortion());
    assertThat(weights).isCloseTo(0.10, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(arch).isCloseTo(0.025, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(s.training().batchSize()).isEqualTo(128);
    assertThat(s.training().learningRate()).isEqualTo(0.5);
    assertThat(s.archLearningRate()).isEqualTo(6e-3);
    assertThat(s.archWarmupEpochs()).isEqualTo(35);
    SearchSpec mine =
        parsedSearch("search", "@" + preset, "--data", "/data", "--batch-size", "256");
    assertThat(mine.training().batchSize()).isEqualTo(256);
  }
}
