package org.moodnas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodnas.core.BatchRule;
import org.moodnas.core.BatchSizing;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EnsembleMode;
import org.moodnas.core.EnsembleSpec;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.LatencySync;
import org.moodnas.core.LrSchedule;
import org.moodnas.core.Objective;
import org.moodnas.core.ProfilingSpec;
import org.moodnas.core.RunConfig;
import org.moodnas.core.RunKind;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.SweepSpec;
import org.moodnas.core.TrainJobSpec;
import org.moodnas.core.Weight;

/** runs.config is written as JSON and read back as the same record. */
class RunConfigCodecTest {

  private static final DataSource CIFAR = new DataSource(DatasetKind.CIFAR100, "hdfs:///c", 0.5);

  private static RunConfig roundTrip(RunConfig c) {
    return RunConfigCodec.read("r", c.kind(), RunConfigCodec.write(c));
  }

  @Test
  void aSweepComesBackAsTheSameRecord() {
    SearchSpec trial =
        SearchSpec.DEFAULTS
            .withObjective(Objective.L1)
            .withData(CIFAR)
            .withDevice(DeviceSpec.gpu(1))
            .withArchWarmupEpochs(3)
            .withTraining(SearchSpec.DEFAULTS.training().toBuilder().cutout(true).seed(7).build());
    SweepSpec sweep =
        new SweepSpec(
            trial, List.of(new Weight(0.3, 0.7)), 0.05, new FanOutSpec(4, 1), 9, true, 1.5, false);
    assertThat(roundTrip(sweep)).isEqualTo(sweep);
  }

  @Test
  void aTrainJobComesBackAsTheSameRecord() {
    TrainJobSpec job =
        new TrainJobSpec(
            EvalSpec.DEFAULTS.withData(CIFAR).withAuxiliary(true),
            List.of("l2_loss_2e01", "PC_DARTS_cifar"),
            "sweep-1",
            true,
            new BatchSizing(64, 8, 750, "hdfs:///models/memory", BatchRule.UNDER_BUDGET),
            new FanOutSpec(8, null),
            new ProfilingSpec(5, 0, LatencySync.NONE));
    assertThat(roundTrip(job)).isEqualTo(job);
    String json = RunConfigCodec.write(job);
    // a run recorded before the batch rule was a setting sized under the budget
    String beforeRule = json.replace(",\"batch_rule\":\"under-budget\"", "");
    assertThat(beforeRule).doesNotContain("batch_rule");
    assertThat(((TrainJobSpec) RunConfigCodec.read("r", RunKind.TRAIN, beforeRule)).sizing())
        .isEqualTo(job.sizing());
    // a run recorded before the latency synchronization was a setting waited for every pass
    String beforeSync = json.replace(",\"profile_sync\":\"none\"", "");
    assertThat(beforeSync).contains("\"profile_runs\":0}");
    assertThat(((TrainJobSpec) RunConfigCodec.read("r", RunKind.TRAIN, beforeSync)).profiling())
        .isEqualTo(new ProfilingSpec(5, 0, LatencySync.EVERY_PASS));
    // a run recorded before train profiled its genotypes resumes with the default profiling
    String old =
        json.replace(
            ",\"profiling\":{\"profile_warmup\":5,\"profile_runs\":0,\"profile_sync\":\"none\"}",
            "");
    assertThat(old).doesNotContain("profil");
    assertThat(((TrainJobSpec) RunConfigCodec.read("r", RunKind.TRAIN, old)).profiling())
        .isEqualTo(ProfilingSpec.DEFAULT);
  }

  @Test
  void anImageNetRecipeComesBackAndOlderRunsResumeWithPlainCrossEntropyAndCosine() {
    EvalSpec imagenet =
        EvalSpec.DEFAULTS
            .withData(new DataSource(DatasetKind.IMAGENET, "hdfs:///imagenet", 1))
            .withRecipe(0.1, LrSchedule.LINEAR);
    TrainJobSpec job =
        new TrainJobSpec(
            imagenet,
            List.of("PC_DARTS_image"),
            null,
            false,
            new BatchSizing(1024, 8, 750, null, BatchRule.PUBLISHED),
            new FanOutSpec(1, null),
            ProfilingSpec.DEFAULT);
    String json = RunConfigCodec.write(job);
    assertThat(json).contains("\"label_smoothing\":0.1,\"lr_schedule\":\"linear\"");
    assertThat(roundTrip(job)).isEqualTo(job);
    // recorded before the recipe was a setting: every evaluation trained with plain CE and cosine
    String old = json.replace("\"label_smoothing\":0.1,\"lr_schedule\":\"linear\",", "");
    assertThat(old).doesNotContain("label_smoothing").doesNotContain("lr_schedule");
    EvalSpec back = ((TrainJobSpec) RunConfigCodec.read("r", RunKind.TRAIN, old)).eval();
    assertThat(back.labelSmoothing()).isZero();
    assertThat(back.lrSchedule()).isEqualTo(LrSchedule.COSINE);
  }

  @Test
  void aTrainJobRecordedWithTheRetiredOomDrillReadsWithoutIt() {
    TrainJobSpec job =
        new TrainJobSpec(
            EvalSpec.DEFAULTS.withData(CIFAR),
            List.of("PC_DARTS_cifar"),
            null,
            false,
            new BatchSizing(null, 8, 500, null, BatchRule.PUBLISHED),
            new FanOutSpec(2, null, 0.5),
            ProfilingSpec.DEFAULT);
    String json = RunConfigCodec.write(job);
    assertThat(json).contains("\"checkpoint_minutes\":0.5");
    String old =
        json.replace("\"memory_model\":null,", "\"memory_model\":null,\"injected_ooms\":1,")
            .replace(",\"checkpoint_minutes\":0.5", "");
    assertThat(old).contains("injected_ooms").doesNotContain("checkpoint_minutes");
    TrainJobSpec back = (TrainJobSpec) RunConfigCodec.read("r", RunKind.TRAIN, old);
    assertThat(back.sizing()).isEqualTo(job.sizing());
    assertThat(back.fanOut().checkpointMinutes()).isEqualTo(10.0); // before trials checkpointed
  }

  @Test
  void anEnsembleComesBackAsTheSameRecord() {
    EnsembleSpec e =
        new EnsembleSpec("t", List.of("a", "b"), EnsembleMode.PER_CLASS, DatasetKind.CIFAR10, 0.9);
    assertThat(roundTrip(e)).isEqualTo(e);
  }

  @Test
  void anEnsembleRecordedBeforeItsTrainPortionReadsItNull() {
    String json =
        RunConfigCodec.write(
            new EnsembleSpec("t", List.of("a"), EnsembleMode.PER_MODEL, DatasetKind.CIFAR10, 0.9));
    String old = json.replace(",\"train_portion\":0.9", "");
    assertThat(old).doesNotContain("train_portion");
    EnsembleSpec back = (EnsembleSpec) RunConfigCodec.read("r", RunKind.ENSEMBLE, old);
    assertThat(back.trainPortion()).isNull();
    assertThat(back.mode()).isEqualTo(EnsembleMode.PER_MODEL);
  }

  @Test
  void valuesAreStoredAsUsersWriteThem() {
    String json =
        RunConfigCodec.write(
            SweepSpec.of(
                SearchSpec.DEFAULTS.withDevice(DeviceSpec.gpu(0)), FanOutSpec.sequential()));
    assertThat(json)
        .contains("\"objective\":\"l2\"")
        .contains("\"dataset\":\"fashion-mnist\"")
        .contains("\"device\":\"gpu:0\"")
        .contains("\"initial_weights\":[{\"nu\":0.2,\"criterion_weight\":0.8}");
  }

  @Test
  void anUnreadableConfigIsAnErrorNamingTheRun() {
    assertThatThrownBy(() -> RunConfigCodec.read("old", RunKind.TRAIN, "{\"eval\":{\"layers\":3}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("run old: its recorded config is unreadable");
  }
}
