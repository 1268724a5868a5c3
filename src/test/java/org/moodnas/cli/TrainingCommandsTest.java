package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.moodnas.space.Genotype;
import org.moodnas.testing.TinyFashionMnist;

@Tag("slow")
class TrainingCommandsTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void searchTrialTakesThePublishedOptionNamesAndPrintsTheTrial() throws Exception {
    CliRun r =
        run(
            "search-trial",
            "-o",
            "l1",
            "--weight",
            "1e-4",
            "--set",
            "fashion-mnist",
            "--subsample",
            "0.01",
            "--init_channels",
            "8",
            "--layers",
            "5",
            "--epochs",
            "1",
            "--arch_warmup_epochs",
            "0",
            "--batch_size",
            "64",
            "--report_freq",
            "2");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(r.out());
    assertThat(t.get("status").asText()).isEqualTo("ok");
    assertThat(t.get("objective").asText()).isEqualTo("l1");
    assertThat(t.get("reg_weight").asDouble()).isEqualTo(1e-4);
    assertThat(t.get("reg_loss").asDouble()).isEqualTo(t.get("l1_loss").asDouble());
    assertThat(t.get("epochs")).hasSize(1);
    assertThat(t.get("epochs").get(0).get("valid_acc").isNumber()).isTrue();
    // the estimator's objectives are the last step's, the epoch's means beside them
    assertThat(t.get("criterion_loss").asDouble())
        .isEqualTo(t.get("epochs").get(0).get("last_criterion_loss").asDouble());
    assertThat(t.get("criterion_loss_epoch_mean").asDouble())
        .isEqualTo(t.get("epochs").get(0).get("criterion_loss").asDouble());
    long supernet = t.get("supernet_params").asLong();
    assertThat(supernet).isPositive();
    Genotype.fromJson(t.get("genotype").asText());
    assertThat(r.err())
        .contains(String.format("supernet: %,d parameters (%s MB)", supernet, supernet / 1e6))
        .doesNotContain("no reduction cells")
        .contains("data: fashion-mnist")
        .contains("epoch 1/1 step 2/")
        .contains("images/s");
  }

  @Test
  void trainOneTrainsARegistryGenotype() throws Exception {
    CliRun r =
        run(
            TinyFashionMnist.args(
                "train-one",
                "--arch",
                "DARTS_V2",
                "--batch-size",
                "64",
                "--auxiliary",
                "--cutout"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(r.out());
    assertThat(t.get("status").asText()).isEqualTo("ok");
    assertThat(t.get("test_acc").asDouble()).isBetween(0.0, 1.0);
    assertThat(t.get("valid_acc").isNull()).isTrue();
    assertThat(t.get("epochs").get(0).get("test_loss").asDouble()).isPositive();
    // plain cross-entropy and cosine as before; no top-5 off ImageNet
    assertThat(t.get("test_top5").isNull()).isTrue();
    assertThat(t.get("epochs").get(0).get("test_top5").isNull()).isTrue();
    assertThat(t.get("epochs").get(0).get("lr").asDouble()).isEqualTo(0.025);
  }

  @Test
  void badTrainingInputExitsTwoWithOneLineNamingTheFlag() {
    Object[][] cases = {
      {
        new String[] {"search-trial", "--weight", "-1", "--epochs", "1"},
        "--weight must be a finite ν ≥ 0, got -1.0"
      },
      {
        new String[] {"search-trial", "--weight", "0.1", "--init-channels", "12"},
        "--init-channels must be a multiple of 8"
      },
      {new String[] {"search-trial", "--weight", "0.1", "-o", "l3"}, "'l3' is not an objective"},
      {
        new String[] {"search-trial", "--weight", "0.1", "--dataset", "mnist"},
        "unknown dataset 'mnist'"
      },
      {
        new String[] {"search-trial", "--weight", "0.1", "--dataset", "cifar10"},
        "--data is required for cifar10"
      },
      {
        new String[] {"search-trial", "--weight", "0.1", "--unrolled"},
        "--unrolled (second-order DARTS) is not supported"
      },
      {
        new String[] {"search-trial", "--weight", "0.1", "--train_portion", "1.5"},
        "--train-portion must be in (0, 1], got 1.5"
      },
      {
        new String[] {"search-trial", "--weight", "0.1", "--learning-rate", "NaN"},
        "--learning-rate must be finite and ≥ 0, got NaN"
      },
      {new String[] {"train-one", "--arch", "NoSuchNet"}, "unknown genotype 'NoSuchNet'"},
      {
        new String[] {"train-one", "--arch", "DARTS_V2", "--data", "/nonexistent/folder"},
        "/nonexistent/folder"
      },
      {
        new String[] {"train-one", "--arch", "DARTS_V2", "--drop-path-prob", "1.5"},
        "--drop-path-prob must be in [0, 1), got 1.5"
      },
      {
        new String[] {"train-one", "--arch", "DARTS_V2", "--layers", "2"},
        "--layers must be ≥ 3, got 2"
      },
    };
    assertRefused(cases);
  }

  @Test
  void badRecipeInputExitsTwoNamingTheFlag() {
    Object[][] cases = {
      {
        new String[] {"train-one", "--arch", "DARTS_V2", "--label-smoothing", "1"},
        "--label-smoothing must be in [0, 1), got 1.0"
      },
      {
        new String[] {"train-one", "--arch", "DARTS_V2", "--lr-schedule", "step"},
        "unknown learning-rate schedule 'step'; known: cosine, linear"
      },
      {
        new String[] {
          "train-one", "--arch", "DARTS_V2", "--lr_scheduler", "linear", "--epochs", "5"
        },
        "--epochs must be > 5 for the linear learning-rate schedule, got 5"
      },
      {
        new String[] {
          "train-one",
          "--arch",
          "DARTS_V2",
          "--dataset",
          "imagenet",
          "--data",
          "/i",
          "--epochs",
          "3"
        },
        "--epochs must be > 5 for the linear learning-rate schedule, got 3"
      },
    };
    assertRefused(cases);
  }

  private static void assertRefused(Object[][] cases) {
    for (Object[] c : cases) {
      String[] args = (String[]) c[0];
      CliRun r = run(args);
      String what = String.join(" ", args) + ": " + r.err();
      assertThat(r.code()).as(what).isEqualTo(2);
      assertThat(r.err().lines().toList())
          .as(what)
          .singleElement()
          .asString()
          .startsWith("mood-nas: ")
          .contains((String) c[1]);
      assertThat(r.out()).as(what).isEmpty();
    }
  }
}
