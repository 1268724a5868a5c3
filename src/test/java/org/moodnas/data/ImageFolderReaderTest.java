package org.moodnas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.moodnas.data.TestFiles.hadoop;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

  private static final int PLANE = 256 * 256;

  @TempDir Path root;

  private static void solid(Path file, int w, int h, Color color, String format) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, w, h);
    g.dispose();
    Files.createDirectories(file.getParent());
    assertThat(ImageIO.write(img, format, file.toFile())).isTrue();
  }

  /** Channel {@code c} at (y, x) of image {@code i}. */
  private static int px(ImageSet set, int i, int c, int y, int x) {
    return set.pixels()[i * set.imageBytes() + c * PLANE + y * 256 + x] & 0xff;
  }

  private static void assertColour(ImageSet set, int i, int r, int g, int b) {
    for (int[] yx : new int[][] {{0, 0}, {128, 128}, {255, 255}, {10, 200}}) {
      assertThat(px(set, i, 0, yx[0], yx[1])).isCloseTo(r, within(6));
      assertThat(px(set, i, 1, yx[0], yx[1])).isCloseTo(g, within(6));
      assertThat(px(set, i, 2, yx[0], yx[1])).isCloseTo(b, within(6));
    }
  }

  @Test
  void readsJpegFoldersAsResizedCroppedRgbWithSortedClasses() throws Exception {
    solid(root.resolve("train/zebra/a.JPEG"), 40, 30, new Color(200, 30, 40), "jpeg");
    solid(root.resolve("train/zebra/b.JPEG"), 30, 50, new Color(20, 40, 220), "jpeg");
    solid(root.resolve("train/ant/c.JPEG"), 300, 300, new Color(30, 180, 60), "jpeg");
    Files.writeString(root.resolve("train/ant/notes.txt"), "not an image, skipped");
    solid(root.resolve("val/zebra/v.JPEG"), 64, 64, new Color(250, 250, 10), "jpeg");

    ImageSet train = ImageSet.copyOf(ImageFolderReader.train(hadoop(root)));
    ImageSet val = ImageSet.copyOf(ImageFolderReader.val(hadoop(root)));

    assertThat(new int[] {train.size(), train.channels(), train.height(), train.width()})
        .containsExactly(3, 3, 256, 256);
    assertThat(train.classes()).isEqualTo(2);
    assertThat(train.labels()).containsExactly(0, 1, 1); // ant, zebra, zebra
    assertColour(train, 0, 30, 180, 60);
    assertColour(train, 1, 200, 30, 40);
    assertColour(train, 2, 20, 40, 220);
    assertThat(val.labels()).containsExactly(1);
    assertThat(val.classes()).isEqualTo(2);
    assertColour(val, 0, 250, 250, 10);
  }

  @Test
  void resizesTheShorterSideTo256AndCropsTheCentre() throws Exception {
    // 512×256, columns 0..127 red, 128..383 green, 384..511 blue: the centre crop is all green.
    BufferedImage img = new BufferedImage(512, 256, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 512; x++) {
        img.setRGB(x, y, x < 128 ? 0xff0000 : x < 384 ? 0x00ff00 : 0x0000ff);
      }
    }
    // 1024×512 with a 2-pixel red frame: after halving, the whole 256 crop is the green middle.
    BufferedImage big = new BufferedImage(1024, 512, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 512; y++) {
      for (int x = 0; x < 1024; x++) {
        big.setRGB(x, y, x < 256 || x >= 768 ? 0xff0000 : 0x00ff00);
      }
    }
    Files.createDirectories(root.resolve("train/k"));
    ImageIO.write(img, "png", root.resolve("train/k/a.png").toFile());
    ImageIO.write(big, "png", root.resolve("train/k/b.png").toFile());

    ImageSet set = ImageSet.copyOf(ImageFolderReader.train(hadoop(root)));

    for (int i = 0; i < 2; i++) {
      for (int x : new int[] {0, 1, 128, 254, 255}) {
        assertThat(px(set, i, 0, 100, x)).as("red at x=%d", x).isZero();
        assertThat(px(set, i, 1, 100, x)).as("green at x=%d", x).isEqualTo(255);
      }
    }
  }

  @Test
  void greyImagesKeepTheirValues() throws Exception {
    BufferedImage grey = new BufferedImage(50, 40, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 50; x++) {
        grey.getRaster().setSample(x, y, 0, 100);
      }
    }
    Files.createDirectories(root.resolve("train/g"));
    ImageIO.write(grey, "png", root.resolve("train/g/grey.png").toFile());

    ImageSet set = ImageSet.copyOf(ImageFolderReader.train(hadoop(root)));

    for (int c = 0; c < 3; c++) {
      assertThat(px(set, 0, c, 30, 77)).isEqualTo(100);
    }
  }

  @Test
  void undecodableFileIsNamed() throws Exception {
    solid(root.resolve("train/a/good.JPEG"), 20, 20, Color.RED, "jpeg");
    Files.createDirectories(root.resolve("train/b"));
    Files.write(root.resolve("train/b/broken.JPEG"), new byte[] {1, 2, 3, 4, 5});
    assertThatThrownBy(() -> ImageSet.copyOf(ImageFolderReader.train(hadoop(root))))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("train/b/broken.JPEG: ")
        .hasMessageContaining("decode");
  }

  @Test
  void valFolderOutsideTheTrainingClassesIsRejected() throws Exception {
    solid(root.resolve("train/a/x.JPEG"), 20, 20, Color.RED, "jpeg");
    solid(root.resolve("val/b/y.JPEG"), 20, 20, Color.RED, "jpeg");
    assertThatThrownBy(() -> ImageFolderReader.val(hadoop(root)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("val/b: class folder is not one of the training classes");
  }

  @Test
  void missingSplitFolderIsNamed() {
    assertThatThrownBy(() -> ImageFolderReader.train(hadoop(root)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("train: no such folder");
  }
}
