package org.moodnas.data;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;

/** Loads a {@link Dataset} of a given kind from a Hadoop path with the matching reader. */
public final class Datasets {

  private Datasets() {}

  /** {@code path} may be null for a kind with a default path (Fashion-MNIST). */
  public static Dataset load(DatasetKind kind, String path) {
    return load(kind, path, new Configuration());
  }

  public static Dataset load(DatasetKind kind, String path, Configuration conf) {
    String where = path;
    if (where == null || where.isBlank()) {
      where =
          kind.defaultPath()
              .orElseThrow(
                  () -> new IllegalArgumentException("dataset " + kind.id() + " needs a path"));
    }
    Path dir = new Path(where);
    return switch (kind) {
      case FASHION_MNIST -> computed(kind, IdxReader.train(dir, conf), IdxReader.test(dir, conf));
      case CIFAR10 -> cifar(kind, CifarReader.Variant.CIFAR10, dir, conf);
      case CIFAR100 -> cifar(kind, CifarReader.Variant.CIFAR100, dir, conf);
      case IMAGENET ->
          new Dataset(
              kind.id(),
              ImageFolderReader.train(dir, conf),
              ImageFolderReader.val(dir, conf),
              Normalization.IMAGENET);
    };
  }

  /**
   * One split of a dataset alone: its test images ({@code test}; ImageNet's val) or its training
   * images, read as {@link #load} reads them (an image folder's files are only listed), without the
   * other split or the dataset's statistics.
   */
  public static ImageSource split(DatasetKind kind, String path, boolean test, Configuration conf) {
    Path dir = new Path(path);
    return switch (kind) {
      case FASHION_MNIST -> test ? IdxReader.test(dir, conf) : IdxReader.train(dir, conf);
      case CIFAR10, CIFAR100 -> {
        CifarReader.Variant v =
            kind == DatasetKind.CIFAR10
                ? CifarReader.Variant.CIFAR10
                : CifarReader.Variant.CIFAR100;
        yield test ? CifarReader.test(v, dir, conf) : CifarReader.train(v, dir, conf);
      }
      case IMAGENET -> test ? ImageFolderReader.val(dir, conf) : ImageFolderReader.train(dir, conf);
    };
  }

  /**
   * The labels of one split of a dataset (as {@link #split}), read without its pixels where the
   * format keeps them apart (Fashion-MNIST's labels file, an image folder's listing); CIFAR's files
   * interleave them, so its split is read whole and its pixels dropped.
   */
  public static SampleIndices labels(
      DatasetKind kind, String path, boolean test, Configuration conf) {
    if (kind == DatasetKind.FASHION_MNIST) {
      return SampleIndices.of(IdxReader.labels(new Path(path), test, conf), IdxReader.CLASSES);
    }
    ImageSource set = split(kind, path, test, conf);
    return SampleIndices.of(set.labels(), set.classes());
  }

  /**
   * What can be told of a data source before a job starts: an image folder's class folders (none,
   * or a single one, is refused; a missing train folder too). A listing that fails otherwise (an
   * object store whose credentials only Spark's configuration holds) is left to the reading.
   */
  public static void check(DataSource source) {
    if (source.dataset() != DatasetKind.IMAGENET || source.path() == null) {
      return;
    }
    try {
      ImageFolderReader.requireClasses(new Path(source.path()), new Configuration());
    } catch (DatasetFormatException e) {
      if (!(e.getCause() instanceof java.io.IOException)) {
        throw e;
      }
    }
  }

  // DARTS normalizes CIFAR-100 with the CIFAR-10 statistics too, ImageNet with the published
  // ImageNet statistics; Fashion-MNIST uses its own.
  private static Dataset cifar(
      DatasetKind kind, CifarReader.Variant variant, Path dir, Configuration conf) {
    return new Dataset(
        kind.id(),
        CifarReader.train(variant, dir, conf),
        CifarReader.test(variant, dir, conf),
        Normalization.CIFAR);
  }

  private static Dataset computed(DatasetKind kind, ImageSet train, ImageSet test) {
    return new Dataset(kind.id(), train, test, Normalization.of(train));
  }
}
