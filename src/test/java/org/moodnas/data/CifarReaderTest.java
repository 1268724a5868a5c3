package org.moodnas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.moodnas.data.TestFiles.hadoop;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {

  private static final int IMG = 3072;

  @TempDir Path dir;

  /** Writes the six CIFAR-10 files, two images per train batch and three in the test batch. */
  private byte[] writeCifar10(Path folder) throws Exception {
    ByteArrayOutputStream allTrain = new ByteArrayOutputStream();
    for (int b = 1; b <= 5; b++) {
      byte[][] px = {TestFiles.pattern(IMG, 10 * b), TestFiles.pattern(IMG, 10 * b + 1)};
      TestFiles.write(
          folder.resolve("data_batch_" + b + ".bin"),
          TestFiles.cifarRecords(new int[][] {{b}, {9 - b}}, px));
      allTrain.write(px[0]);
      allTrain.write(px[1]);
    }
    byte[][] test = {
      TestFiles.pattern(IMG, 200), TestFiles.pattern(IMG, 201), TestFiles.pattern(IMG, 202)
    };
    TestFiles.write(
        folder.resolve("test_batch.bin"),
        TestFiles.cifarRecords(new int[][] {{0}, {9}, {5}}, test));
    return allTrain.toByteArray();
  }

  @Test
  void cifar10ReadsEveryBatchInOrderWithExactPixelsAndLabels() throws Exception {
    byte[] trainPixels = writeCifar10(dir);

    ImageSet train = CifarReader.train(CifarReader.Variant.CIFAR10, hadoop(dir));
    ImageSet test = CifarReader.test(CifarReader.Variant.CIFAR10, hadoop(dir));

    assertThat(train.size()).isEqualTo(10);
    assertThat(train.pixels()).isEqualTo(trainPixels);
    assertThat(train.labels()).containsExactly(1, 8, 2, 7, 3, 6, 4, 5, 5, 4);
    assertThat(new int[] {train.channels(), train.height(), train.width(), train.classes()})
        .containsExactly(3, 32, 32, 10);
    assertThat(test.labels()).containsExactly(0, 9, 5);
    assertThat(Arrays.copyOfRange(test.pixels(), 2 * IMG, 3 * IMG))
        .isEqualTo(TestFiles.pattern(IMG, 202));
  }

  @Test
  void cifar10IsFoundInsideTheArchiveFolder() throws Exception {
    writeCifar10(dir.resolve("cifar-10-batches-bin"));
    assertThat(CifarReader.test(CifarReader.Variant.CIFAR10, hadoop(dir)).labels())
        .containsExactly(0, 9, 5);
  }

  @Test
  void cifar100UsesTheFineLabel() throws Exception {
    byte[][] px = {TestFiles.pattern(IMG, 1), TestFiles.pattern(IMG, 2)};
    TestFiles.write(
        dir.resolve("train.bin"), TestFiles.cifarRecords(new int[][] {{19, 99}, {0, 42}}, px));
    TestFiles.write(
        dir.resolve("test.bin"),
        TestFiles.cifarRecords(new int[][] {{3, 7}}, new byte[][] {TestFiles.pattern(IMG, 3)}));

    ImageSet train = CifarReader.train(CifarReader.Variant.CIFAR100, hadoop(dir));
    ImageSet test = CifarReader.test(CifarReader.Variant.CIFAR100, hadoop(dir));

    assertThat(train.labels()).containsExactly(99, 42);
    assertThat(train.classes()).isEqualTo(100);
    assertThat(Arrays.copyOfRange(train.pixels(), 0, IMG)).isEqualTo(px[0]);
    assertThat(Arrays.copyOfRange(train.pixels(), IMG, 2 * IMG)).isEqualTo(px[1]);
    assertThat(test.labels()).containsExactly(7);
    assertThat(test.pixels()).isEqualTo(TestFiles.pattern(IMG, 3));
  }

  @Test
  void truncatedBatchNamesTheFileAndTheRecordSize() throws Exception {
    writeCifar10(dir);
    Path batch = dir.resolve("data_batch_3.bin");
    Files.write(batch, Arrays.copyOf(Files.readAllBytes(batch), 3073 + 100));
    assertThatThrownBy(() -> CifarReader.train(CifarReader.Variant.CIFAR10, hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("data_batch_3.bin: truncated: 3173 bytes is not a multiple of 3073");
  }

  @Test
  void cifar100RecordSizeIs3074() throws Exception {
    // A valid CIFAR-10 record is not a whole CIFAR-100 record.
    TestFiles.write(
        dir.resolve("test.bin"),
        TestFiles.cifarRecords(new int[][] {{1}}, new byte[][] {new byte[IMG]}));
    assertThatThrownBy(() -> CifarReader.test(CifarReader.Variant.CIFAR100, hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("test.bin: truncated: 3073 bytes is not a multiple of 3074");
  }

  @Test
  void labelOutOfRangeIsRejected() throws Exception {
    TestFiles.write(
        dir.resolve("test_batch.bin"),
        TestFiles.cifarRecords(
            new int[][] {{2}, {10}}, new byte[][] {new byte[IMG], new byte[IMG]}));
    assertThatThrownBy(() -> CifarReader.test(CifarReader.Variant.CIFAR10, hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("test_batch.bin: label 10 of record 1 is outside 0..9");
    TestFiles.write(
        dir.resolve("test.bin"),
        TestFiles.cifarRecords(new int[][] {{0, 100}}, new byte[][] {new byte[IMG]}));
    assertThatThrownBy(() -> CifarReader.test(CifarReader.Variant.CIFAR100, hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("test.bin: label 100 of record 0 is outside 0..99");
  }

  @Test
  void missingBatchIsNamed() throws Exception {
    writeCifar10(dir);
    Files.delete(dir.resolve("data_batch_4.bin"));
    assertThatThrownBy(() -> CifarReader.train(CifarReader.Variant.CIFAR10, hadoop(dir)))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("data_batch_4.bin: no such file");
  }
}
