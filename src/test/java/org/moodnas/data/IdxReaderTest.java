package org.moodnas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.moodnas.data.TestFiles.hadoop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  private static final int IMG = 28 * 28;

  @TempDir Path dir;

  private void writeSet(String images, String labels, byte[] px, byte[] lb) throws Exception {
    TestFiles.idxImages(dir.resolve(images), 0x803, lb.length, 28, 28, px);
    TestFiles.idxLabels(dir.resolve(labels), 0x801, lb);
  }

  @Test
  void readsExactlyTheWrittenPixelsAndLabels() throws Exception {
    byte[] train = TestFiles.pattern(3 * IMG, 1);
    byte[] test = TestFiles.pattern(2 * IMG, 99);
    writeSet(IdxReader.TRAIN_IMAGES, IdxReader.TRAIN_LABELS, train, new byte[] {9, 0, 4});
    writeSet(IdxReader.TEST_IMAGES, IdxReader.TEST_LABELS, test, new byte[] {3, 7});

    ImageSet tr = IdxReader.train(hadoop(dir));
    ImageSet te = IdxReader.test(hadoop(dir));

    assertThat(tr.pixels()).isEqualTo(train);
    assertThat(tr.labels()).containsExactly(9, 0, 4);
    assertThat(new int[] {tr.channels(), tr.height(), tr.width(), tr.classes()})
        .containsExactly(1, 28, 28, 10);
    assertThat(te.pixels()).isEqualTo(test);
    assertThat(te.labels()).containsExactly(3, 7);
  }

  @Test
  void readsUnpackedFilesWhenTheGzippedOnesAreAbsent() throws Exception {
    byte[] px = TestFiles.pattern(2 * IMG, 5);
    writeSet("train-images-idx3-ubyte", "train-labels-idx1-ubyte", px, new byte[] {1, 2});
    // A plain local path (no scheme) is a Hadoop path too.
    ImageSet set = IdxReader.train(new org.apache.hadoop.fs.Path(dir.toString()));
    assertThat(set.pixels()).isEqualTo(px);
    assertThat(set.labels()).containsExactly(1, 2);
  }

  @Test
  void wrongMagicNumberNamesTheFile() throws Exception {
    TestFiles.idxImages(
        dir.resolve(IdxReader.TRAIN_IMAGES), 0x999, 1, 28, 28, TestFiles.pattern(IMG, 0));
    TestFiles.idxLabels(dir.resolve(IdxReader.TRAIN_LABELS), 0x801, new byte[] {1});
    assertThatThrownBy(() -> IdxReader.train(hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("train-images-idx3-ubyte.gz: ")
        .hasMessageEndingWith(
            "wrong magic number 0x00000999, expected 0x00000803 (IDX uint8 images)")
        .hasMessageNotContaining("\n");
  }

  @Test
  void labelsFileWithTheImagesMagicIsRejected() throws Exception {
    writeSet(IdxReader.TRAIN_IMAGES, IdxReader.TRAIN_LABELS, new byte[IMG], new byte[] {1});
    TestFiles.idxImages(dir.resolve(IdxReader.TRAIN_LABELS), 0x803, 1, 28, 28, new byte[IMG]);
    assertThatThrownBy(() -> IdxReader.train(hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("train-labels-idx1-ubyte.gz: wrong magic number 0x00000803");
  }

  @Test
  void fewerPixelBytesThanTheHeaderAnnouncesIsTruncated() throws Exception {
    TestFiles.idxImages(
        dir.resolve(IdxReader.TRAIN_IMAGES), 0x803, 3, 28, 28, TestFiles.pattern(2 * IMG + 5, 0));
    TestFiles.idxLabels(dir.resolve(IdxReader.TRAIN_LABELS), 0x801, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> IdxReader.train(hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("train-images-idx3-ubyte.gz: truncated")
        .hasMessageContaining("3 images of 28×28")
        .hasMessageContaining((2 * IMG + 5) + " data bytes");
  }

  @Test
  void cutGzipStreamIsTruncated() throws Exception {
    writeSet(
        IdxReader.TEST_IMAGES, IdxReader.TEST_LABELS, TestFiles.pattern(4 * IMG, 3), new byte[4]);
    Path images = dir.resolve(IdxReader.TEST_IMAGES);
    byte[] gz = Files.readAllBytes(images);
    Files.write(images, Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> IdxReader.test(hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("t10k-images-idx3-ubyte.gz: truncated");
  }

  @Test
  void imageAndLabelCountsMustMatch() throws Exception {
    TestFiles.idxImages(dir.resolve(IdxReader.TRAIN_IMAGES), 0x803, 2, 28, 28, new byte[2 * IMG]);
    TestFiles.idxLabels(dir.resolve(IdxReader.TRAIN_LABELS), 0x801, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> IdxReader.train(hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("2 images but train-labels-idx1-ubyte.gz has 3 labels");
  }

  @Test
  void labelOutsideTheClassesIsRejected() throws Exception {
    writeSet(IdxReader.TRAIN_IMAGES, IdxReader.TRAIN_LABELS, new byte[2 * IMG], new byte[] {3, 10});
    assertThatThrownBy(() -> IdxReader.train(hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("train-labels-idx1-ubyte.gz: label 10 of item 1 is outside 0..9");
  }

  @Test
  void extraBytesAndBadDimensionsAreRejected() throws Exception {
    TestFiles.idxImages(dir.resolve(IdxReader.TRAIN_IMAGES), 0x803, 1, 28, 28, new byte[IMG + 1]);
    TestFiles.idxLabels(dir.resolve(IdxReader.TRAIN_LABELS), 0x801, new byte[] {0});
    assertThatThrownBy(() -> IdxReader.train(hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("extra bytes");
    TestFiles.idxImages(dir.resolve(IdxReader.TRAIN_IMAGES), 0x803, 1, 0, 28, new byte[0]);
    assertThatThrownBy(() -> IdxReader.train(hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("bad dimensions 1 × 0 × 28");
  }

  @Test
  void missingOrNonGzipFileNamesTheFile() throws Exception {
    assertThatThrownBy(() -> IdxReader.test(hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("t10k-labels-idx1-ubyte.gz: no such file");
    Files.writeString(dir.resolve(IdxReader.TEST_LABELS), "not gzip at all");
    assertThatThrownBy(
            () ->
                IdxReader.readLabels(
                    hadoop(dir.resolve(IdxReader.TEST_LABELS)), 10, new Configuration()))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("t10k-labels-idx1-ubyte.gz: not a valid gzip file");
  }
}
