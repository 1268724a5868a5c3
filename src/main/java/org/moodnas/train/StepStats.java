package org.moodnas.train;

/**
 * What one weight step measured on its batch: the loss it minimized (criterion weight ·
 * cross-entropy + ν · penalty), the mean cross-entropy, Σ|w| and Σw² of the weights before the
 * update, and the number of correct top-1 predictions.
 */
public record StepStats(
    double loss, double criterionLoss, double l1Loss, double l2Loss, long correct) {

  /** The five figures in the order above, for comparing two steps figure by figure. */
  public float[] figures() {
    return new float[] {
      (float) loss, (float) criterionLoss, (float) l1Loss, (float) l2Loss, correct
    };
  }
}
