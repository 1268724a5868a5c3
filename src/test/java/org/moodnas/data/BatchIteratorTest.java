package org.moodnas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class BatchIteratorTest {

  private static final Normalization NORM =
      new Normalization(new float[] {0.5f, 0.25f}, new float[] {0.5f, 0.125f});

  /** n 2×3×3 images; image i has every pixel of channel 0 = i and of channel 1 = 255 - i. */
  private static ImageSet set(int n) {
    byte[] px = new byte[n * 18];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      Arrays.fill(px, i * 18, i * 18 + 9, (byte) i);
      Arrays.fill(px, i * 18 + 9, i * 18 + 18, (byte) (255 - i));
      labels[i] = i % 4;
    }
    return new ImageSet(px, labels, 2, 3, 3, 4);
  }

  private static List<Batch> all(BatchIterator it) {
    List<Batch> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  /** Which image a batch entry is, read back from channel 0's normalized value. */
  private static int imageOf(Batch b, int k) {
    float v = b.data()[k * 18];
    return Math.round((v * 0.5f + 0.5f) * 255f);
  }

  @Test
  void everyImageExactlyOncePerEpochWithTheLastBatchPartial() {
    Batches batches = new Batches(set(23), 5, NORM, Augmentation.NONE, true, 9);
    assertThat(batches.batchesPerEpoch()).isEqualTo(5);
    for (int epoch = 0; epoch < 3; epoch++) {
      List<Batch> list = all(batches.epoch(epoch));
      assertThat(list).extracting(Batch::count).containsExactly(5, 5, 5, 5, 3);
      int[] seen = new int[23];
      for (Batch b : list) {
        assertThat(b.data()).hasSize(b.count() * 18);
        assertThat(b.shape()).containsExactly(b.count(), 2, 3, 3);
        for (int k = 0; k < b.count(); k++) {
          int image = imageOf(b, k);
          seen[image]++;
          assertThat(b.labels()[k]).isEqualTo(image % 4);
        }
      }
      assertThat(seen).containsOnly(1);
    }
  }

  @Test
  void shuffledOrderDependsOnSeedAndEpochOnly() {
    ImageSet s = set(40);
    Batches a = new Batches(s, 40, NORM, null, true, 1);
    Batches b = new Batches(s, 40, NORM, null, true, 1);
    int[] a0 = all(a.epoch(0)).get(0).labels();
    assertThat(all(b.epoch(0)).get(0).data()).isEqualTo(all(a.epoch(0)).get(0).data());
    assertThat(all(a.epoch(1)).get(0).data()).isNotEqualTo(all(a.epoch(0)).get(0).data());
    assertThat(a0).hasSize(40);
    // Unshuffled is the set order.
    Batch ordered = all(Batches.inOrder(s, 64, NORM).epoch(0)).get(0);
    for (int k = 0; k < 40; k++) {
      assertThat(imageOf(ordered, k)).isEqualTo(k);
    }
  }

  @Test
  void normalizationGivesTheExpectedValuesForKnownPixels() {
    Batch b = all(Batches.inOrder(set(256), 256, NORM).epoch(0)).get(0);
    for (int i : new int[] {0, 1, 128, 255}) {
      // channel 0 holds i, channel 1 holds 255 - i, at every one of the 9 positions
      for (int p = 0; p < 9; p++) {
        assertThat(b.data()[i * 18 + p]).isCloseTo((i / 255f - 0.5f) / 0.5f, within(1e-6f));
        assertThat(b.data()[i * 18 + 9 + p])
            .isCloseTo(((255 - i) / 255f - 0.25f) / 0.125f, within(1e-5f));
      }
    }
    assertThat(b.data()[0]).isEqualTo(-1f);
    assertThat(b.data()[255 * 18]).isEqualTo(1f);
  }

  @Test
  void augmentationIsAppliedPerImage() {
    // Cutout of 16 on a 3×3 image zeroes it all, whatever the draw.
    Batches batches = new Batches(set(7), 4, NORM, Augmentation.cifar(16), true, 3);
    for (Batch b : all(batches.epoch(0))) {
      assertThat(b.data()).containsOnly(0f);
    }
    Batches imagenet =
        new Batches(
            new ImageSet(new byte[2 * 3 * 256 * 256], new int[2], 3, 256, 256, 1),
            2,
            Normalization.CIFAR,
            ImageNetAugmentation.evaluation(),
            false,
            0);
    Batch b = imagenet.epoch(0).next();
    assertThat(b.shape()).containsExactly(2, 3, 224, 224);
    assertThat(b.data()[0]).isCloseTo(-0.49139968f / 0.24703233f, within(1e-6f));
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> new Batches(set(3), 0, NORM, null, false, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batch size must be > 0, got 0");
    assertThatThrownBy(() -> Batches.inOrder(set(3), 2, Normalization.CIFAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("normalization has 3 channels, the images 2");
    BatchIterator it = Batches.inOrder(set(1), 2, NORM).epoch(0);
    it.next();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }
}
