package org.moodnas.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads the CIFAR binary versions. CIFAR-10: data_batch_1..5.bin (train) and test_batch.bin,
 * records of 1 label byte + 3072 pixel bytes. CIFAR-100: train.bin and test.bin, records of a
 * coarse label byte, a fine label byte and 3072 pixel bytes; the fine labels (100 classes) are
 * used. Pixels are already channel-major 3×32×32, so they are copied as they are.
 *
 * <p>The folder may be the one holding the .bin files or its parent holding the folder the official
 * archive unpacks to (cifar-10-batches-bin, cifar-100-binary).
 */
public final class CifarReader {

  public static final int CHANNELS = 3;
  public static final int SIZE = 32;
  public static final int IMAGE_BYTES = CHANNELS * SIZE * SIZE;

  /** The two binary layouts. */
  public enum Variant {
    CIFAR10(
        10,
        1,
        "cifar-10-batches-bin",
        List.of(
            "data_batch_1.bin",
            "data_batch_2.bin",
            "data_batch_3.bin",
            "data_batch_4.bin",
            "data_batch_5.bin"),
        List.of("test_batch.bin")),
    CIFAR100(100, 2, "cifar-100-binary", List.of("train.bin"), List.of("test.bin"));

    private final int classes;
    private final int labelBytes;
    private final String archiveFolder;
    private final List<String> trainFiles;
    private final List<String> testFiles;

    Variant(
        int classes,
        int labelBytes,
        String archiveFolder,
        List<String> trainFiles,
        List<String> testFiles) {
      this.classes = classes;
      this.labelBytes = labelBytes;
      this.archiveFolder = archiveFolder;
      this.trainFiles = trainFiles;
      this.testFiles = testFiles;
    }

    public int classes() {
      return classes;
    }

    /** Bytes per record: the label byte(s) then the pixels. */
    public int recordBytes() {
      return labelBytes + IMAGE_BYTES;
    }

    public List<String> trainFiles() {
      return trainFiles;
    }

    public List<String> testFiles() {
      return testFiles;
    }
  }

  private CifarReader() {}

  public static ImageSet train(Variant variant, Path dir) {
    return train(variant, dir, new Configuration());
  }

  public static ImageSet train(Variant variant, Path dir, Configuration conf) {
    return read(variant, files(variant, dir, variant.trainFiles, conf), conf);
  }

  public static ImageSet test(Variant variant, Path dir) {
    return test(variant, dir, new Configuration());
  }

  public static ImageSet test(Variant variant, Path dir, Configuration conf) {
    return read(variant, files(variant, dir, variant.testFiles, conf), conf);
  }

  /** The records of the given files, in file order. */
  public static ImageSet read(Variant variant, List<Path> files, Configuration conf) {
    int record = variant.recordBytes();
    List<byte[]> contents = new ArrayList<>();
    long images = 0;
    for (Path f : files) {
      byte[] data = HadoopFiles.readAll(f, conf);
      if (data.length % record != 0) {
        throw new DatasetFormatException(
            f.toString(), "truncated: " + data.length + " bytes is not a multiple of " + record);
      }
      contents.add(data);
      images += data.length / record;
    }
    if (images * IMAGE_BYTES > Integer.MAX_VALUE - 8) {
      throw new DatasetFormatException(
          files.get(0).toString(), images + " images do not fit in one image set (2 GB)");
    }
    byte[] px = new byte[(int) images * IMAGE_BYTES];
    int[] labels = new int[(int) images];
    int i = 0;
    for (int f = 0; f < files.size(); f++) {
      byte[] data = contents.get(f);
      for (int off = 0; off < data.length; off += record, i++) {
        // CIFAR-100 records start with the coarse label; the fine one is the last label byte.
        int label = data[off + variant.labelBytes - 1] & 0xff;
        if (label >= variant.classes) {
          throw new DatasetFormatException(
              files.get(f).toString(),
              "label "
                  + label
                  + " of record "
                  + off / record
                  + " is outside 0.."
                  + (variant.classes - 1));
        }
        labels[i] = label;
        System.arraycopy(data, off + variant.labelBytes, px, i * IMAGE_BYTES, IMAGE_BYTES);
      }
    }
    return new ImageSet(px, labels, CHANNELS, SIZE, SIZE, variant.classes);
  }

  private static List<Path> files(
      Variant variant, Path dir, List<String> names, Configuration conf) {
    Path base = dir;
    if (!HadoopFiles.exists(new Path(dir, names.get(0)), conf)
        && HadoopFiles.exists(new Path(new Path(dir, variant.archiveFolder), names.get(0)), conf)) {
      base = new Path(dir, variant.archiveFolder);
    }
    List<Path> paths = new ArrayList<>();
    for (String n : names) {
      Path p = new Path(base, n);
      if (!HadoopFiles.exists(p, conf)) {
        throw new DatasetFormatException(
            p.toString(),
            "no such file ("
                + variant.name().toLowerCase(java.util.Locale.ROOT)
                + " binary needs "
                + String.join(", ", variant.trainFiles)
                + ", "
                + String.join(", ", variant.testFiles)
                + ")");
      }
      paths.add(p);
    }
    return paths;
  }
}
