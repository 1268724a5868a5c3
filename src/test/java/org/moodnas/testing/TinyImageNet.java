package org.moodnas.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A tiny image folder in ImageNet's layout (train/CLASS/*.JPEG, val/CLASS/*.JPEG): {@link #CLASSES}
 * classes of small noisy images, each class around its own colour, {@link #TRAIN_PER_CLASS}
 * training and one validation image per class, plus, as in ImageNet, a CMYK JPEG (written by PIL,
 * in the first class) and a file that is no image at all (in the second class, {@link
 * #UNREADABLE}). The reader resizes them to 256×256, so trainings see ImageNet's 224 crops. Written
 * once per JVM.
 */
public final class TinyImageNet {

  public static final int CLASSES = 6;
  public static final int TRAIN_PER_CLASS = 2;

  /** Files in train: {@link #TRAIN_PER_CLASS} per class, the CMYK one and the unreadable one. */
  public static final int TRAIN_FILES = CLASSES * TRAIN_PER_CLASS + 2;

  /** The train file that cannot be decoded; it sorts first in its class folder. */
  public static final String UNREADABLE = "train/n01/broken.JPEG";

  private static Path folder;

  private TinyImageNet() {}

  /** The folder's path, written on first use. */
  public static synchronized String path() {
    if (folder == null) {
      try {
        Path dir = Files.createTempDirectory("tiny-imagenet");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        Random random = new Random(3);
        for (int c = 0; c < CLASSES; c++) {
          for (int i = 0; i < TRAIN_PER_CLASS; i++) {
            write(dir.resolve("train/n0" + c + "/t" + i + ".JPEG"), c, random);
          }
          write(dir.resolve("val/n0" + c + "/v.JPEG"), c, random);
        }
        PilImages.cmykJpeg(dir.resolve("train/n00/cmyk.JPEG"), 30, 20, 200, 50, 0, 10);
        Files.write(dir.resolve(UNREADABLE), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        folder = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder.toString();
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  private static void write(Path file, int c, Random random) throws IOException {
    BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
    int base = 0x202020 + (c * 0x2a) * (c % 3 == 0 ? 0x10000 : c % 3 == 1 ? 0x100 : 1);
    for (int y = 0; y < 24; y++) {
      for (int x = 0; x < 24; x++) {
        img.setRGB(x, y, base + random.nextInt(32) * 0x10101);
      }
    }
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(img, "jpeg", file.toFile())) {
      throw new IOException("no JPEG writer for " + file);
    }
  }
}
