package org.moodnas.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.moodnas.core.DatasetKind;

/** The transforms a search and a training from scratch read their images through. */
class DataFeedTest {

  @Test
  void anImageNetSearchCropsAndFlipsWithoutJitterWhileItsTrainingJitters() {
    int s = 12;
    Normalization norm =
        new Normalization(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f});
    float[] grey = new float[3 * s * s]; // raw 0.5 everywhere: normalized 0
    ImageTransform search = DataFeed.forSearch(DatasetKind.IMAGENET, norm, 0).trainTransform();
    ImageTransform training = DataFeed.of(DatasetKind.IMAGENET, norm, 0).trainTransform();
    Random random = new Random(3);
    int jittered = 0;
    for (int i = 0; i < 20; i++) {
      // crops and flips of a uniform image are that image: only jitter can change a value
      float[] searched = search.apply(grey, 3, s, s, norm, random);
      assertThat(searched).hasSize(3 * 224 * 224);
      for (float v : searched) {
        assertThat(v).isEqualTo(0f);
      }
      float[] trained = training.apply(grey, 3, s, s, norm, random);
      jittered += trained[0] != 0f ? 1 : 0;
    }
    assertThat(jittered).isGreaterThan(15);
    // both crop randomly: a ramp comes out differently from draw to draw
    float[] ramp = new float[3 * s * s];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (i % s) / (float) s;
    }
    assertThat(search.apply(ramp, 3, s, s, norm, new Random(1)))
        .isNotEqualTo(search.apply(ramp, 3, s, s, norm, new Random(2)));
    // the other datasets search with their training's transforms
    for (DatasetKind k : new DatasetKind[] {DatasetKind.CIFAR10, DatasetKind.FASHION_MNIST}) {
      assertThat(DataFeed.forSearch(k, norm, 16).trainTransform())
          .isEqualTo(DataFeed.of(k, norm, 16).trainTransform());
    }
  }
}
