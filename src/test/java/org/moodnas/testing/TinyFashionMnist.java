package org.moodnas.testing;

import java.util.ArrayList;
import java.util.List;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.SearchSpec;

/**
 * The tiny real trainings the tests share: 1 % of Debian's Fashion-MNIST (600 training images), an
 * 8-channel, 5-layer network, one epoch — seconds per trial on two cores.
 */
public final class TinyFashionMnist {

  public static final DataSource DATA = new DataSource(DatasetKind.FASHION_MNIST, null, 0.01);

  private TinyFashionMnist() {}

  /** A search trial: architecture steps from the first epoch, batches of 64. */
  public static SearchSpec search() {
    return SearchSpec.DEFAULTS
        .withData(DATA)
        .withArchWarmupEpochs(0)
        .withTraining(
            SearchSpec.DEFAULTS.training().toBuilder()
                .initChannels(8)
                .layers(5)
                .epochs(1)
                .batchSize(64)
                .build());
  }

  /** An evaluation: batches of 32. */
  public static EvalSpec eval() {
    return EvalSpec.DEFAULTS
        .withData(DATA)
        .withTraining(
            EvalSpec.DEFAULTS.training().toBuilder()
                .initChannels(8)
                .layers(5)
                .epochs(1)
                .batchSize(32)
                .build());
  }

  /** {@code command} with the tiny data and network options, then {@code more}. */
  public static String[] args(String command, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--dataset",
                "fashion-mnist",
                "--subsample",
                "0.01",
                "--init-channels",
                "8",
                "--layers",
                "5",
                "--epochs",
                "1"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
