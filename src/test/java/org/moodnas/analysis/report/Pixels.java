package org.moodnas.analysis.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

/** What the chart tests look at in a PNG: its size, how many colours, how many pixels of a hue. */
final class Pixels {

  private Pixels() {}

  static BufferedImage decode(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new AssertionError("not a decodable image: " + png.length + " bytes");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colours.size();
  }

  /** Pixels in rows [0, rows) whose colour passes the test. */
  static int count(BufferedImage image, int rows, IntPredicate rgb) {
    int n = 0;
    for (int y = 0; y < Math.min(rows, image.getHeight()); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += rgb.test(image.getRGB(x, y) & 0xFFFFFF) ? 1 : 0;
      }
    }
    return n;
  }

  static int count(BufferedImage image, IntPredicate rgb) {
    return count(image, image.getHeight(), rgb);
  }

  static boolean reddish(int rgb) {
    int r = rgb >> 16 & 0xFF;
    int g = rgb >> 8 & 0xFF;
    int b = rgb & 0xFF;
    return r > g + 60 && r > b + 60;
  }

  static boolean bluish(int rgb) {
    int r = rgb >> 16 & 0xFF;
    int b = rgb & 0xFF;
    return b > r + 60;
  }

  /** Pale grey-blue, the dominated points' colour, and nothing saturated. */
  static boolean paleBlue(int rgb) {
    int r = rgb >> 16 & 0xFF;
    int b = rgb & 0xFF;
    return b > r + 25 && b < r + 60 && r > 120;
  }
}
