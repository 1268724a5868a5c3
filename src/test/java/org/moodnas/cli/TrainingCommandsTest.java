package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.moodnas.space.Genotype;

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
    Genotype.fromJson(t.get("genotype").asText());
    assertThat(r.err())
        .contains("data: fashion-mnist")
        .contains("epoch 1/1 step 2/")
        .contains("images/s");
  }

  @Test
  void trainOneTrainsARegistryGenotype() throws Exception {
    CliRun r =
        run(
            "train-one",
            "--arch",
            "DARTS_V2",
            "--dataset",
            "fashion-mnist",
            "--subsample",
            "0.01",
            "--init-channels",
            "8",
            "--layers",
            "5",
            "--epochs",
            "1",
            "--batch-size",
            "64",
            "--auxiliary",
            "--cutout");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(r.out());
    assertThat(t.get("status").asText()).isEqualTo("ok");
    assertThat(t.get("test_acc").asDouble()).isBetween(0.0, 1.0);
    assertThat(t.get("valid_acc").isNull()).isTrue();
    assertThat(t.get("epochs").get(0).get("test_loss").asDouble()).isPositive();
  }

  @Test
  void badTrainingInputExitsTwoInOneLine() {
    for (String[] args :
        new String[][] {
          {"search-trial", "--weight", "-1", "--epochs", "1"},
          {"search-trial", "--weight", "0.1", "--init-channels", "12"},
          {"search-trial", "--weight", "0.1", "-o", "l3"},
          {"search-trial", "--weight", "0.1", "--dataset", "mnist"},
          {"search-trial", "--weight", "0.1", "--dataset", "cifar10"},
          {"search-trial", "--weight", "0.1", "--unrolled"},
          {"search-trial", "--weight", "0.1", "--train-portion", "1.5"},
          {"train-one", "--arch", "NoSuchNet"},
          {"train-one", "--arch", "DARTS_V2", "--data", "/nonexistent/folder"},
          {"train-one", "--arch", "DARTS_V2", "--drop-path-prob", "1.5"},
        }) {
      CliRun r = run(args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().lines().filter(l -> l.startsWith("mood-nas: ")).count())
          .as(String.join(" ", args) + ": " + r.err())
          .isEqualTo(1);
      assertThat(r.out()).isEmpty();
    }
  }
}
