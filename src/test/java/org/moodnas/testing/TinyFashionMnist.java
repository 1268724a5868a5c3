package org.moodnas.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.SearchSpec;
import org.moodnas.data.Dataset;
import org.moodnas.data.Datasets;
import org.moodnas.data.IdxReader;
import org.moodnas.data.ImageSet;
import org.moodnas.data.ImageSource;
import org.moodnas.data.Splits;

/**
 * The tiny real trainings the tests share: a folder in Fashion-MNIST's own format holding a
 * stratified 1 % of Debian's training images (600) and 2 % of its test images (200) — the test set
 * too, since every evaluation scores it after each epoch —, an 8-channel, 5-layer network and one
 * epoch: seconds per training on two cores. The folder is written once per JVM.
 */
public final class TinyFashionMnist {

  /** A train job's tiny options: batches of 32, a fifth held out, two evaluations at once. */
  public static final List<String> TRAIN =
      List.of("--batch-size", "32", "--train-portion", "0.8", "--parallelism", "2");

  private static Path folder;

  private TinyFashionMnist() {}

  /** The tiny folder, all of it. */
  public static DataSource data() {
    return new DataSource(DatasetKind.FASHION_MNIST, path(), 1);
  }

  /** A search trial: architecture steps from the first epoch, batches of 64. */
  public static SearchSpec search() {
    return SearchSpec.DEFAULTS
        .withData(data())
        .withArchWarmupEpochs(0)
        .withTraining(
            SearchSpec.DEFAULTS.training().toBuilder()
                .initChannels(8)
                .layers(3)
                .epochs(1)
                .batchSize(64)
                .build());
  }

  /** An evaluation: batches of 32. */
  public static EvalSpec eval() {
    return EvalSpec.DEFAULTS
        .withData(data())
        .withTraining(
            EvalSpec.DEFAULTS.training().toBuilder()
                .initChannels(8)
                .layers(3)
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
                "--data",
                path(),
                "--init-channels",
                "8",
                "--layers",
                "3",
                "--epochs",
                "1"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The folder, written on first use. */
  public static synchronized String path() {
    if (folder == null) {
      folder = write();
    }
    return folder.toString();
  }

  private static Path write() {
    Dataset full = Datasets.load(DatasetKind.FASHION_MNIST, null);
    try {
      Path dir = Files.createTempDirectory("tiny-fashion-mnist");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      write(dir, IdxReader.TRAIN_IMAGES, IdxReader.TRAIN_LABELS, full.train(), 0.01);
      write(dir, IdxReader.TEST_IMAGES, IdxReader.TEST_LABELS, full.test(), 0.02);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stratified share of {@code set} as gzipped IDX images and labels files. */
  private static void write(Path dir, String images, String labels, ImageSource set, double share)
      throws IOException {
    ImageSet part = ImageSet.copyOf(Splits.stratifiedSubsample(set, share, 2));
    try (DataOutputStream out = gzip(dir.resolve(images))) {
      out.writeInt(0x00000803); // IDX: unsigned bytes, 3 dimensions
      out.writeInt(part.size());
      out.writeInt(part.height());
      out.writeInt(part.width());
      out.write(part.pixels());
    }
    try (DataOutputStream out = gzip(dir.resolve(labels))) {
      out.writeInt(0x00000801); // IDX: unsigned bytes, 1 dimension
      out.writeInt(part.size());
      for (int label : part.labels()) {
        out.writeByte(label);
      }
    }
  }

  private static DataOutputStream gzip(Path file) throws IOException {
    return new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)));
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
