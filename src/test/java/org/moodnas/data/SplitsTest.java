package org.moodnas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitsTest {

  /** n one-pixel images whose pixel is the image index, labels from {@code labels}. */
  private static ImageSet indexed(int[] labels, int classes) {
    byte[] px = new byte[labels.length];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) i;
    }
    return new ImageSet(px, labels, 1, 1, 1, classes);
  }

  /** 100 of class 0, 50 of class 1, 10 of class 2, 1 of class 3, interleaved; none of class 4. */
  private static ImageSet unbalanced() {
    int[] counts = {100, 50, 10, 1};
    int[] labels = new int[161];
    int i = 0;
    int[] left = counts.clone();
    while (i < labels.length) {
      for (int c = 0; c < 4; c++) {
        if (left[c]-- > 0) {
          labels[i++] = c;
        }
      }
    }
    return indexed(labels, 5);
  }

  private static int[] perClass(ImageSource s) {
    int[] n = new int[s.classes()];
    for (int l : s.labels()) {
      n[l]++;
    }
    return n;
  }

  @Test
  void stratifiedSubsampleKeepsClassProportionsAndAtLeastOnePerClass() {
    ImageSet set = unbalanced();
    ImageSet sub = ImageSet.copyOf(Splits.stratifiedSubsample(set, 0.2, 7));
    assertThat(perClass(sub)).containsExactly(20, 10, 2, 1, 0);
    // Original order kept, images are the ones labelled so.
    for (int i = 0; i < sub.size(); i++) {
      int original = sub.pixels()[i] & 0xff;
      assertThat(set.labels()[original]).isEqualTo(sub.labels()[i]);
      if (i > 0) {
        assertThat(original).isGreaterThan(sub.pixels()[i - 1] & 0xff);
      }
    }
  }

  @Test
  void stratifiedSubsampleIsDeterministicPerSeed() {
    ImageSet set = unbalanced();
    ImageSet a = ImageSet.copyOf(Splits.stratifiedSubsample(set, 0.3, 1));
    ImageSet b = ImageSet.copyOf(Splits.stratifiedSubsample(set, 0.3, 1));
    ImageSet c = ImageSet.copyOf(Splits.stratifiedSubsample(set, 0.3, 2));
    assertThat(a.pixels()).isEqualTo(b.pixels());
    assertThat(a.pixels()).isNotEqualTo(c.pixels());
    assertThat(perClass(c)).isEqualTo(perClass(a));
  }

  /** Image indices (the one pixel) of a set of {@link #unbalanced}'s kind. */
  private static java.util.List<Integer> ids(ImageSource s) {
    byte[] px = ImageSet.copyOf(s).pixels();
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (byte b : px) {
      out.add(b & 0xff);
    }
    return out;
  }

  @Test
  void theSearchHalvesPartitionAShuffledStratifiedSubsetDrawnFromTheSeed() {
    ImageSet set = unbalanced();
    ImageSource sub = Splits.stratifiedShuffledSubsample(set, 0.3, 5);
    // the same images as the sorted subsample, not in their order
    assertThat(ids(sub))
        .containsExactlyInAnyOrderElementsOf(ids(Splits.stratifiedSubsample(set, 0.3, 5)))
        .isNotEqualTo(ids(sub).stream().sorted().toList());
    Split halves = Splits.trainPortion(sub, 0.5);
    java.util.List<Integer> both = new java.util.ArrayList<>(ids(halves.first()));
    both.addAll(ids(halves.rest()));
    assertThat(both).isEqualTo(ids(sub)); // a partition, cut from the shuffled order
    assertThat(halves.first().size()).isEqualTo(sub.size() / 2);
    Split again = Splits.trainPortion(Splits.stratifiedShuffledSubsample(set, 0.3, 5), 0.5);
    assertThat(ids(again.first())).isEqualTo(ids(halves.first()));
    Split other = Splits.trainPortion(Splits.stratifiedShuffledSubsample(set, 0.3, 6), 0.5);
    assertThat(ids(other.first())).isNotEqualTo(ids(halves.first()));
    // without subsample the set itself: sorted halves
    assertThat(Splits.stratifiedShuffledSubsample(set, 1, 5)).isSameAs(set);
  }

  @Test
  void fractionOneIsTheSetAndBadFractionsAreRejected() {
    ImageSet set = unbalanced();
    assertThat(Splits.stratifiedSubsample(set, 1.0, 3)).isSameAs(set);
    for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> Splits.stratifiedSubsample(set, bad, 3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("subsample fraction must be in (0, 1], got ");
    }
  }

  @Test
  void trainPortionTakesTheFirstFloorOfPortionTimesN() {
    ImageSet set = indexed(new int[] {0, 1, 0, 1, 0, 1, 0}, 2);
    Split s = Splits.trainPortion(set, 0.5);
    assertThat(ImageSet.copyOf(s.first()).pixels()).containsExactly(0, 1, 2);
    assertThat(ImageSet.copyOf(s.rest()).pixels()).containsExactly(3, 4, 5, 6);
    assertThat(s.first().labels()).containsExactly(0, 1, 0);
    assertThat(s.rest().labels()).containsExactly(1, 0, 1, 0);
  }

  @Test
  void trainPortionRejectsBadPortionsAndEmptyParts() {
    ImageSet set = indexed(new int[] {0, 1, 0}, 2);
    assertThatThrownBy(() -> Splits.trainPortion(set, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("train portion must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> Splits.trainPortion(set, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("train portion 0.2 of 3 images leaves one part empty");
  }

  @Test
  void stratifiedPortionSplitsAClassOrderedSetClassByClass() {
    // an image folder's order: 10 of class 0, then 5 of class 1, then 4 of class 2
    int[] labels = new int[19];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i < 10 ? 0 : i < 15 ? 1 : 2;
    }
    ImageSet set = indexed(labels, 3);
    Split s = Splits.stratifiedPortion(set, 0.8);
    assertThat(perClass(s.first())).containsExactly(8, 4, 3);
    assertThat(perClass(s.rest())).containsExactly(2, 1, 1);
    assertThat(ImageSet.copyOf(s.first()).pixels())
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 15, 16, 17);
    assertThat(ImageSet.copyOf(s.rest()).pixels()).containsExactly(8, 9, 14, 18);
    // the in-order split would train the weights on no image of class 2
    assertThat(perClass(Splits.trainPortion(set, 0.8).first())[2]).isZero();
    assertThatThrownBy(() -> Splits.stratifiedPortion(indexed(new int[] {0, 1}, 2), 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("train portion 0.5 of 2 images leaves one part empty");
  }
}
