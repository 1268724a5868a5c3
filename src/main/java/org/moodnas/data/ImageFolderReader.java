package org.moodnas.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Reads ImageNet-style folders, {@code train/CLASS/*.JPEG} and {@code val/CLASS/*.JPEG}. The
 * classes are the sorted folder names of train; val is labelled with the same list, and a val
 * folder that is not a train class is an error. Files are taken in name order; files whose
 * extension is not an image one (jpeg, jpg, png, bmp, gif) and hidden files are skipped.
 *
 * <p>Each image is decoded with javax.imageio, its shorter side resized to 256 (bilinear, no
 * antialiasing, unlike PIL's) and center-cropped to 256×256, then stored as 3×256×256 uint8:
 * torchvision's {@code Resize(256)} + {@code CenterCrop(256)}, so the training random crop and the
 * evaluation center crop to 224 both start from it.
 */
public final class ImageFolderReader {

  public static final int SIZE = 256;
  public static final int CHANNELS = 3;
  public static final int IMAGE_BYTES = CHANNELS * SIZE * SIZE;

  private static final List<String> EXTENSIONS = List.of(".jpeg", ".jpg", ".png", ".bmp", ".gif");

  private ImageFolderReader() {}

  public static ImageSet train(Path root) {
    return train(root, new Configuration());
  }

  public static ImageSet train(Path root, Configuration conf) {
    Path train = new Path(root, "train");
    return read(train, classes(train, conf), conf);
  }

  public static ImageSet val(Path root) {
    return val(root, new Configuration());
  }

  public static ImageSet val(Path root, Configuration conf) {
    return read(new Path(root, "val"), classes(new Path(root, "train"), conf), conf);
  }

  /** The sorted names of the class folders of a split folder. */
  public static List<String> classes(Path split, Configuration conf) {
    List<String> names = new ArrayList<>();
    for (FileStatus s : HadoopFiles.list(split, conf)) {
      if (s.isDirectory() && !hidden(s.getPath().getName())) {
        names.add(s.getPath().getName());
      }
    }
    if (names.isEmpty()) {
      throw new DatasetFormatException(split.toString(), "no class folders");
    }
    return names;
  }

  /** The images of {@code split}/CLASS/*, labelled by the class's index in {@code classes}. */
  public static ImageSet read(Path split, List<String> classes, Configuration conf) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      index.put(classes.get(i), i);
    }
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (String folder : classes(split, conf)) {
      Integer label = index.get(folder);
      if (label == null) {
        throw new DatasetFormatException(
            new Path(split, folder).toString(), "class folder is not one of the training classes");
      }
      for (FileStatus s : HadoopFiles.list(new Path(split, folder), conf)) {
        if (s.isFile() && isImage(s.getPath().getName())) {
          files.add(s.getPath());
          labels.add(label);
        }
      }
    }
    if (files.isEmpty()) {
      throw new DatasetFormatException(split.toString(), "no image files in the class folders");
    }
    long bytes = (long) files.size() * IMAGE_BYTES;
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new DatasetFormatException(
          split.toString(),
          files.size()
              + " images of 3×256×256 need "
              + bytes / (1L << 20)
              + " MB, more than one image set holds (2 GB, "
              + (Integer.MAX_VALUE - 8) / IMAGE_BYTES
              + " images)");
    }
    byte[] px = new byte[(int) bytes];
    // Decoding dominates; images land at fixed offsets, so the order does not depend on threads.
    IntStream.range(0, files.size())
        .parallel()
        .forEach(i -> decodeInto(files.get(i), conf, px, i * IMAGE_BYTES));
    int[] lb = labels.stream().mapToInt(Integer::intValue).toArray();
    return new ImageSet(px, lb, CHANNELS, SIZE, SIZE, classes.size());
  }

  /** Decodes one image file into 3×256×256 bytes at {@code offset}. */
  static void decodeInto(Path file, Configuration conf, byte[] dst, int offset) {
    byte[] data = HadoopFiles.readAll(file, conf);
    BufferedImage img;
    try {
      // ImageIO.read closes this in-memory stream itself (no temp-file cache, unlike
      // read(InputStream)).
      ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data));
      img = ImageIO.read(in);
    } catch (IOException | RuntimeException e) {
      throw new DatasetFormatException(
          file.toString(), "cannot decode the image: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new DatasetFormatException(file.toString(), "not an image javax.imageio can decode");
    }
    resizeCenterCrop(rgb(img), img.getWidth(), img.getHeight(), dst, offset);
  }

  /** Packed 0xRRGGBB pixels, row-major. Grey images are read raw: no gamma conversion. */
  static int[] rgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] out = new int[w * h];
    Raster raster = img.getRaster();
    if (img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
      // getRGB would map the linear grey colour space to sRGB and brighten the image.
      int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
      int[] grey = raster.getSamples(0, 0, w, h, 0, (int[]) null);
      for (int i = 0; i < out.length; i++) {
        int g = Math.min(255, grey[i] >>> shift);
        out[i] = g << 16 | g << 8 | g;
      }
    } else {
      img.getRGB(0, 0, w, h, out, 0, w);
    }
    return out;
  }

  /**
   * Shorter side to 256, longer side to int(256·long/short), center crop 256×256 (top/left offsets
   * rounded as torchvision does), bilinear with half-pixel centres; writes CHW bytes.
   */
  static void resizeCenterCrop(int[] rgb, int w, int h, byte[] dst, int offset) {
    int ow;
    int oh;
    if (w <= h) {
      ow = SIZE;
      oh = (int) ((long) SIZE * h / w);
    } else {
      oh = SIZE;
      ow = (int) ((long) SIZE * w / h);
    }
    int top = (int) Math.round((oh - SIZE) / 2.0);
    int left = (int) Math.round((ow - SIZE) / 2.0);
    double sy = (double) h / oh;
    double sx = (double) w / ow;
    int plane = SIZE * SIZE;
    int[] x0 = new int[SIZE];
    int[] x1 = new int[SIZE];
    float[] fx = new float[SIZE];
    for (int x = 0; x < SIZE; x++) {
      double src = Math.min(Math.max((x + left + 0.5) * sx - 0.5, 0), w - 1);
      x0[x] = (int) src;
      x1[x] = Math.min(x0[x] + 1, w - 1);
      fx[x] = (float) (src - x0[x]);
    }
    for (int y = 0; y < SIZE; y++) {
      double srcY = Math.min(Math.max((y + top + 0.5) * sy - 0.5, 0), h - 1);
      int y0 = (int) srcY;
      int y1 = Math.min(y0 + 1, h - 1);
      float fy = (float) (srcY - y0);
      for (int x = 0; x < SIZE; x++) {
        int a = rgb[y0 * w + x0[x]];
        int b = rgb[y0 * w + x1[x]];
        int c = rgb[y1 * w + x0[x]];
        int d = rgb[y1 * w + x1[x]];
        for (int ch = 0; ch < CHANNELS; ch++) {
          int shift = 16 - 8 * ch;
          float top2 = lerp(a >> shift & 0xff, b >> shift & 0xff, fx[x]);
          float bottom = lerp(c >> shift & 0xff, d >> shift & 0xff, fx[x]);
          int v = Math.round(lerp(top2, bottom, fy));
          dst[offset + ch * plane + y * SIZE + x] = (byte) v;
        }
      }
    }
  }

  private static float lerp(float a, float b, float t) {
    return a + (b - a) * t;
  }

  private static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  private static boolean isImage(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !hidden(name) && EXTENSIONS.stream().anyMatch(lower::endsWith);
  }
}
