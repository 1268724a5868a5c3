package org.moodnas.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads (Fashion-)MNIST IDX files: gzipped (name ends in .gz) or plain, big-endian header, uint8
 * data. Images are {@code 0x00000803, n, rows, cols} then n·rows·cols bytes; labels are {@code
 * 0x00000801, n} then n bytes. Every check failure is a {@link DatasetFormatException} naming the
 * file.
 */
public final class IdxReader {

  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

  /** Fashion-MNIST (like MNIST) has 10 classes. */
  public static final int CLASSES = 10;

  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  private IdxReader() {}

  public static ImageSet train(Path dir) {
    return train(dir, new Configuration());
  }

  public static ImageSet train(Path dir, Configuration conf) {
    return read(locate(dir, TRAIN_IMAGES, conf), locate(dir, TRAIN_LABELS, conf), CLASSES, conf);
  }

  public static ImageSet test(Path dir) {
    return test(dir, new Configuration());
  }

  public static ImageSet test(Path dir, Configuration conf) {
    return read(locate(dir, TEST_IMAGES, conf), locate(dir, TEST_LABELS, conf), CLASSES, conf);
  }

  /** The labels of the test ({@code test}) or training set in {@code dir}, without its images. */
  public static int[] labels(Path dir, boolean test, Configuration conf) {
    return readLabels(locate(dir, test ? TEST_LABELS : TRAIN_LABELS, conf), CLASSES, conf);
  }

  /** An images file and its labels file, labels in 0..classes-1. */
  public static ImageSet read(Path images, Path labels, int classes, Configuration conf) {
    int[] lb = readLabels(labels, classes, conf);
    String name = images.toString();
    try (DataInputStream in = new DataInputStream(HadoopFiles.open(images, conf))) {
      int[] header = header(in, name, 4);
      checkMagic(name, header[0], IMAGES_MAGIC, "IDX uint8 images");
      int n = header[1];
      int rows = header[2];
      int cols = header[3];
      if (n < 0 || rows <= 0 || cols <= 0) {
        throw new DatasetFormatException(
            name, "bad dimensions " + n + " × " + rows + " × " + cols + " in the header");
      }
      if (n != lb.length) {
        throw new DatasetFormatException(
            name, n + " images but " + labels.getName() + " has " + lb.length + " labels");
      }
      long bytes = (long) n * rows * cols;
      if (bytes > Integer.MAX_VALUE - 8) {
        throw new DatasetFormatException(name, bytes + " pixel bytes is more than 2 GB");
      }
      byte[] px = body(in, name, (int) bytes, n + " images of " + rows + "×" + cols);
      return new ImageSet(px, lb, 1, rows, cols, classes);
    } catch (IOException e) {
      throw new DatasetFormatException(name, HadoopFiles.gzipProblem(e), e);
    }
  }

  /** Labels checked to lie in 0..classes-1. */
  public static int[] readLabels(Path labels, int classes, Configuration conf) {
    String name = labels.toString();
    try (DataInputStream in = new DataInputStream(HadoopFiles.open(labels, conf))) {
      int[] header = header(in, name, 2);
      checkMagic(name, header[0], LABELS_MAGIC, "IDX uint8 labels");
      int n = header[1];
      if (n < 0) {
        throw new DatasetFormatException(name, "negative label count " + n + " in the header");
      }
      byte[] raw = body(in, name, n, n + " labels");
      int[] lb = new int[n];
      for (int i = 0; i < n; i++) {
        lb[i] = raw[i] & 0xff;
        if (lb[i] >= classes) {
          throw new DatasetFormatException(
              name, "label " + lb[i] + " of item " + i + " is outside 0.." + (classes - 1));
        }
      }
      return lb;
    } catch (IOException e) {
      throw new DatasetFormatException(name, HadoopFiles.gzipProblem(e), e);
    }
  }

  /** dir/name, or dir/name without ".gz" when only the unpacked file is there. */
  static Path locate(Path dir, String name, Configuration conf) {
    Path gz = new Path(dir, name);
    if (!HadoopFiles.exists(gz, conf)) {
      Path plain = new Path(dir, name.substring(0, name.length() - ".gz".length()));
      if (HadoopFiles.exists(plain, conf)) {
        return plain;
      }
    }
    return gz;
  }

  private static int[] header(DataInputStream in, String name, int ints) throws IOException {
    int[] h = new int[ints];
    try {
      for (int i = 0; i < ints; i++) {
        h[i] = in.readInt();
      }
    } catch (EOFException e) {
      throw new DatasetFormatException(
          name, "truncated: shorter than its " + 4 * ints + "-byte header");
    }
    return h;
  }

  private static void checkMagic(String name, int magic, int expected, String what) {
    if (magic != expected) {
      throw new DatasetFormatException(
          name,
          String.format("wrong magic number 0x%08x, expected 0x%08x (%s)", magic, expected, what));
    }
  }

  /** Exactly {@code length} bytes, then the end of the file. */
  private static byte[] body(InputStream in, String name, int length, String what)
      throws IOException {
    byte[] data = new byte[length];
    int off = 0;
    while (off < length) {
      int r;
      try {
        r = in.read(data, off, length - off);
      } catch (EOFException e) {
        r = -1;
      }
      if (r < 0) {
        throw new DatasetFormatException(
            name,
            "truncated: the header announces " + what + " but only " + off + " data bytes follow");
      }
      off += r;
    }
    if (in.read() >= 0) {
      throw new DatasetFormatException(name, "extra bytes after the " + what);
    }
    return data;
  }
}
