package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodnas.testing.TinyImageNet;

/**
 * train-one and search-trial on an ImageNet-shaped folder (a CMYK JPEG and a broken file among its
 * images): the ImageNet recipe, top-5, and the unreadable file counted once.
 */
class ImageNetCommandsTest {

  /**
   * {@code command} on the tiny ImageNet folder, 3 cells, half the training files for the weights,
   * then {@code more}.
   */
  private static CliRun onTinyImageNet(String command, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--dataset",
                "imagenet",
                "--data",
                TinyImageNet.path(),
                "--layers",
                "3",
                "--train-portion",
                "0.5"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** The trial the command printed, checked to have ended ok. */
  private static JsonNode okTrial(CliRun r) throws IOException {
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(r.out());
    assertThat(t.get("status").asText()).isEqualTo("ok");
    return t;
  }

  @Test
  void trainOneOnImageNetFollowsTrainImageNet() throws Exception {
    CliRun r =
        onTinyImageNet(
            "train-one",
            "--arch",
            "PC_DARTS_image",
            "--init-channels",
            "4",
            "--epochs",
            "6",
            "--batch-size",
            "6",
            "--learning-rate",
            "0.05");
    JsonNode t = okTrial(r);
    JsonNode epochs = t.get("epochs");
    assertThat(epochs).hasSize(6);
    // linear by default (no warm-up: batch ≤ 256): 0.05·(1 − e)/1 at e = 0, then 0.05·(6 − e)/5
    double[] lr = {0.05, 0.05, 0.04, 0.03, 0.02, 0.01};
    for (int e = 0; e < 6; e++) {
      JsonNode epoch = epochs.get(e);
      assertThat(epoch.get("lr").asDouble()).as("epoch %d", e).isCloseTo(lr[e], within(1e-12));
      // the unreadable file is in the training part (first of its class), met in epoch 0
      assertThat(epoch.get("skipped_images").asInt()).as("epoch %d", e).isEqualTo(1);
      for (String split : new String[] {"valid", "test"}) {
        double top1 = epoch.get(split + "_acc").asDouble();
        double top5 = epoch.get(split + "_top5").asDouble();
        assertThat(top5).as("%s epoch %d", split, e).isBetween(top1, 1.0);
      }
    }
    // the evaluation's figures are its last epoch's
    assertThat(t.get("test_top5").asDouble()).isEqualTo(epochs.get(5).get("test_top5").asDouble());
    assertThat(t.get("valid_top5").isNumber()).isTrue();
    assertThat(r.err()).contains("1 unreadable image skipped");
  }

  @Test
  void searchTrialOnAnImageFolderCountsItsUnreadableFileOnce() throws Exception {
    CliRun r =
        onTinyImageNet(
            "search-trial",
            "--weight",
            "1e-4",
            "--init-channels",
            "8",
            "--epochs",
            "2",
            "--arch-warmup-epochs",
            "0",
            "--batch-size",
            "4",
            "--subsample",
            "1");
    JsonNode t = okTrial(r);
    // all 14 files (not ImageNet's default share), half for the weights, half for the
    // architecture, the broken one among them; the count is of distinct files over the whole
    // search, so the second epoch still counts it once
    JsonNode epochs = t.get("epochs");
    assertThat(epochs).hasSize(2);
    for (JsonNode epoch : epochs) {
      assertThat(epoch.get("skipped_images").asInt()).isEqualTo(1);
    }
    assertThat(t.get("skipped_images").asInt()).isEqualTo(1);
    assertThat(r.err())
        .contains("1 unreadable image skipped")
        .contains(TinyImageNet.TRAIN_FILES + " training images");
  }
}
