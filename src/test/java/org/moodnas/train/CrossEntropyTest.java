package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The losses and accuracy counts on arrays small enough to work out by hand. */
class CrossEntropyTest {

  private static final double LN2 = Math.log(2);
  private static final double LN3 = Math.log(3);

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  /** Row 0 is uniform over 3 classes (log p = −ln 3); row 1 has softmax (1/2, 1/4, 1/4). */
  private NDArray logits() {
    return manager.create(new float[] {0, 0, 0, (float) LN2, 0, 0}, new Shape(2, 3));
  }

  private NDArray labels(float... values) {
    return manager.create(values);
  }

  private static double value(NDArray scalar) {
    return scalar.toFloatArray()[0];
  }

  @Test
  void plainCrossEntropyIsTheMeanNegativeLogProbabilityOfTheLabel() {
    // (ln 3 + ln 2) / 2
    assertThat(value(CrossEntropy.mean(logits(), labels(0, 0))))
        .isCloseTo((LN3 + LN2) / 2, within(1e-6));
  }

  @Test
  void labelSmoothingWeighsEveryClassByEpsilonOverK() {
    // ε = 0.1, K = 3: targets (0.9 + 0.1/3) on the label, 0.1/3 elsewhere.
    // row 0 (label 0): every −log p is ln 3 and the targets sum to 1: ln 3.
    // row 1 (label 0): −log p = (ln 2, ln 4, ln 4):
    //   (0.9 + 0.1/3)·ln 2 + 2·(0.1/3)·2 ln 2 = (0.9 + 0.5/3)·ln 2
    double row1 = (0.9 + 0.5 / 3) * LN2;
    assertThat(value(CrossEntropy.smoothed(logits(), labels(0, 0), 0.1)))
        .isCloseTo((LN3 + row1) / 2, within(1e-6));
    // row 1 with label 1 (p = 1/4): (0.9 + 0.1/3)·2 ln 2 + (0.1/3)·ln 2 + (0.1/3)·2 ln 2
    double row1Label1 = ((0.9 + 0.1 / 3) * 2 + 0.1 / 3 + 0.2 / 3) * LN2;
    assertThat(value(CrossEntropy.smoothed(logits(), labels(0, 1), 0.1)))
        .isCloseTo((LN3 + row1Label1) / 2, within(1e-6));
  }

  @Test
  void noSmoothingIsPlainCrossEntropy() {
    assertThat(value(CrossEntropy.smoothed(logits(), labels(1, 2), 0)))
        .isEqualTo(value(CrossEntropy.mean(logits(), labels(1, 2))))
        .isCloseTo((LN3 + 2 * LN2) / 2, within(1e-6));
  }

  @Test
  void topFiveCountsRowsWithFewerThanFiveLogitsAboveTheLabel() {
    NDArray logits =
        manager.create(
            new float[] {
              7, 6, 5, 4, 3, 2, 1, // label 4: four logits above, in the top 5
              7, 6, 5, 4, 3, 2, 1, // label 5: five above, not
              1, 1, 1, 1, 1, 1, 9, // label 0: one above, tied with five others: in
              0, 5, 0, 0, 0, 0, 0 // label 1: the arg-max
            },
            new Shape(4, 7));
    NDArray labels = labels(4, 5, 0, 1);
    assertThat(value(CrossEntropy.correctTopK(logits, labels, 5))).isEqualTo(3);
    assertThat(value(CrossEntropy.correct(logits, labels))).isEqualTo(1);
    assertThat(value(CrossEntropy.correctTopK(logits, labels, 1))).isEqualTo(1);
  }

  @Test
  void withFewerThanFiveClassesEveryRowIsInTheTopFive() {
    assertThat(value(CrossEntropy.correctTopK(logits(), labels(2, 2), 5))).isEqualTo(2);
  }
}
