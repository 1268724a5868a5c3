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
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.testing.PilImages;

/** Image folders read as they are used: decoding, unreadable files, the cached index. */
class ImageFilesTest {

  @TempDir Path root;

  private static void solid(Path file, Color color) throws Exception {
    BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 32, 24);
    g.dispose();
    Files.createDirectories(file.getParent());
    assertThat(ImageIO.write(img, "jpeg", file.toFile())).isTrue();
  }

  private static void broken(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xd8, 7, 7, 7}); // a JPEG's start, no more
  }

  @Test
  void cmykJpegsAreConvertedAsPilConvertsThem() throws Exception {
    Path cmyk = root.resolve("train/a/cmyk.JPEG");
    PilImages.cmykJpeg(cmyk, 40, 30, 200, 50, 0, 10);
    PilImages.cmykJpeg(root.resolve("train/b/dark.JPEG"), 40, 30, 20, 180, 90, 120);

    ImageSet set = ImageSet.copyOf(ImageFolderReader.train(hadoop(root)));

    int plane = 256 * 256;
    Path[] files = {cmyk, root.resolve("train/b/dark.JPEG")};
    for (int i = 0; i < 2; i++) {
      int[] pil = PilImages.rgb(files[i], 20, 15);
      for (int c = 0; c < 3; c++) {
        int ours = set.pixels()[i * 3 * plane + c * plane + 128 * 256 + 128] & 0xff;
        assertThat(ours).as("image %d channel %d", i, c).isCloseTo(pil[c], within(3));
      }
    }
  }

  @Test
  void unreadableFilesAreLeftOutAndCountedOnce() throws Exception {
    for (int i = 0; i < 4; i++) {
      solid(root.resolve("train/a/" + i + ".JPEG"), Color.RED);
      solid(root.resolve("train/b/" + i + ".JPEG"), Color.BLUE);
    }
    broken(root.resolve("train/b/broken.JPEG"));
    ImageFiles files = ImageFolderReader.train(hadoop(root));
    assertThat(files.size()).isEqualTo(9);

    DataFeed feed = DataFeed.plain(Normalization.IMAGENET);
    for (int epoch = 0; epoch < 2; epoch++) {
      int images = 0;
      BatchIterator it = feed.train(files, 4, 1, epoch);
      while (it.hasNext()) {
        images += it.next().count();
      }
      assertThat(images).as("epoch %d", epoch).isEqualTo(8);
    }
    assertThat(feed.skipped().count()).isEqualTo(1);
  }

  @Test
  void moreUnreadableFilesThanTheLimitFailWithTheFileNamed() throws Exception {
    solid(root.resolve("train/a/good.JPEG"), Color.RED);
    for (int i = 0; i <= SkippedImages.ALWAYS_TOLERATED; i++) {
      broken(root.resolve("train/a/broken" + i + ".JPEG"));
    }
    ImageFiles files = ImageFolderReader.train(hadoop(root));
    DataFeed feed = DataFeed.plain(Normalization.IMAGENET);
    BatchIterator it = feed.eval(files, 2);
    assertThatThrownBy(
            () -> {
              while (it.hasNext()) {
                it.next();
              }
            })
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("train/a/broken")
        .hasMessageContaining("6 unreadable images are more than 1 % of the 7 read");
    assertThat(feed.skipped().count()).isEqualTo(SkippedImages.ALWAYS_TOLERATED + 1);
  }

  @Test
  void jpegHeadersAreWalkedBeforeTheNativeDecoderSeesThem() throws Exception {
    Path file = root.resolve("ok.JPEG");
    solid(file, Color.GREEN);
    byte[] ok = Files.readAllBytes(file);
    assertThat(JpegHeaders.isJpeg(ok)).isTrue();
    assertThat(JpegHeaders.problem(ok)).isNull();
    byte[] garbage = {(byte) 0xff, (byte) 0xd8, 7, 7, 7};
    assertThat(JpegHeaders.problem(garbage)).isEqualTo("broken JPEG header (no marker at byte 2)");
    // cut inside the first segment after the start-of-image marker
    assertThat(JpegHeaders.problem(java.util.Arrays.copyOf(ok, 10)))
        .isEqualTo("JPEG ends inside its header");
    byte[] endFirst = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9};
    assertThat(JpegHeaders.problem(endFirst)).contains("marker 0xd9 before the image");
    assertThat(JpegHeaders.isJpeg(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isFalse();
  }

  @Test
  void theIndexIsListedOnceAndAgainWhenAClassFolderChanges() throws Exception {
    solid(root.resolve("train/a/1.JPEG"), Color.RED);
    solid(root.resolve("train/b/1.JPEG"), Color.BLUE);
    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path split = hadoop(root.resolve("train"));
    List<String> classes = List.of("a", "b");

    ImageIndex first = ImageIndex.of(split, classes, conf);
    ImageIndex again = ImageIndex.of(split, classes, conf);
    assertThat(first.origin()).startsWith("listed 2 files, index cached in");
    assertThat(again.origin()).startsWith("index of 2 files read from");
    assertThat(again.files()).containsExactly("a/1.JPEG", "b/1.JPEG");
    assertThat(again.labels()).containsExactly(0, 1);

    solid(root.resolve("train/b/2.JPEG"), Color.BLUE);
    Files.setLastModifiedTime(root.resolve("train/b"), FileTime.fromMillis(1_000_000));
    ImageIndex changed = ImageIndex.of(split, classes, conf);
    assertThat(changed.origin()).startsWith("listed 3 files");
    assertThat(changed.files()).containsExactly("a/1.JPEG", "b/1.JPEG", "b/2.JPEG");
  }
}
