package org.moodnas.spark.ml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.image.ImageSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.moodnas.core.DatasetKind;
import org.moodnas.data.DatasetFormatException;
import org.moodnas.data.Datasets;
import org.moodnas.data.ImageFiles;
import org.moodnas.data.ImageSource;
import org.moodnas.data.ImageStream;

/**
 * A split of one of our datasets as a DataFrame of {@code sample} (the image's index in its split:
 * the test set, or the training set), {@code label} and {@code image}, read on the executors: the
 * driver hands out sample indices only, and each partition reads its own images from the dataset's
 * path (each executor JVM reads a Fashion-MNIST or CIFAR split once and keeps it). {@code image} is
 * the decoded pixels in Spark's image schema for Fashion-MNIST and CIFAR; for an image folder it is
 * the file's bytes as stored (binary), with its {@code path}, so that a file that cannot be decoded
 * is one row's error in {@link NetworkTransformer}, not a failed task.
 */
public final class ImageFrames {

  public static final String SAMPLE = "sample";
  public static final String LABEL = "label";
  public static final String IMAGE = "image";
  public static final String PATH = "path";

  /** Rows per partition at most, so that a large split spreads over every executor. */
  static final int PARTITION_ROWS = 2048;

  private ImageFrames() {}

  /** The schema of {@code kind}'s frames. */
  public static StructType schema(DatasetKind kind) {
    StructType s =
        new StructType()
            .add(SAMPLE, DataTypes.LongType, false)
            .add(LABEL, DataTypes.IntegerType, false);
    return kind == DatasetKind.IMAGENET
        ? s.add(IMAGE, DataTypes.BinaryType, true).add(PATH, DataTypes.StringType, false)
        : s.add(IMAGE, ImageSchema.columnSchema(), true);
  }

  /**
   * The images at {@code samples} of a split ({@code test}: the test set, ImageNet's val; else the
   * training set), in that order; every image of it when {@code samples} is null.
   */
  public static Dataset<Row> of(
      SparkSession spark, DatasetKind kind, String path, boolean test, int[] samples) {
    int n =
        samples != null
            ? samples.length
            : Datasets.labels(kind, path, test, spark.sparkContext().hadoopConfiguration()).size();
    int parts =
        Math.max(
            1,
            Math.min(
                n,
                Math.max(
                    spark.sparkContext().defaultParallelism(),
                    (n + PARTITION_ROWS - 1) / PARTITION_ROWS)));
    return spark
        .range(0, n, 1, parts)
        .mapPartitions(new Reader(kind, path, test, samples), Encoders.row(schema(kind)));
  }

  /** Reads a partition's images: positions in the frame to samples of the split, then pixels. */
  private record Reader(DatasetKind kind, String path, boolean test, int[] samples)
      implements MapPartitionsFunction<Long, Row>, Serializable {

    private static final Map<String, ImageSource> SPLITS = new ConcurrentHashMap<>();

    @Override
    public Iterator<Row> call(Iterator<Long> positions) {
      List<Integer> order = new ArrayList<>();
      positions.forEachRemaining(
          p -> order.add(samples == null ? (int) (long) p : samples[(int) (long) p]));
      ImageSource set =
          SPLITS.computeIfAbsent(
              kind + "\n" + path + "\n" + test,
              k -> Datasets.split(kind, path, test, new Configuration()));
      int[] labels = set.labels();
      List<Row> rows = new ArrayList<>(order.size());
      if (set instanceof ImageFiles files) {
        for (int i : order) {
          byte[] bytes;
          try {
            bytes = files.encoded(i);
          } catch (DatasetFormatException e) {
            bytes = null; // the transformer says the row has no image, naming its path
          }
          rows.add(RowFactory.create((long) i, labels[i], bytes, files.file(i).toString()));
        }
        return rows.iterator();
      }
      int[] at = order.stream().mapToInt(Integer::intValue).toArray();
      try (ImageStream stream = set.stream(at, 0)) {
        for (int i : at) {
          ImageStream.Pixels px = stream.next();
          Row image =
              RowImages.toStruct(
                  path + "#" + (test ? "test" : "train") + "/" + i,
                  px.data(),
                  px.offset(),
                  set.channels(),
                  set.height(),
                  set.width());
          rows.add(RowFactory.create((long) i, labels[i], image));
        }
      }
      return rows.iterator();
    }
  }
}
