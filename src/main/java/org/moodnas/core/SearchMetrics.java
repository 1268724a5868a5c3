package org.moodnas.core;

import java.io.Serializable;

/**
 * What a successful search trial measured: the penalty ν multiplied (reg_loss) and the criterion
 * loss (the trial's two objectives), both penalties, the train accuracy averaged over the last
 * epoch, the validation accuracy after it, and the model size of the genotype found (MB: evaluation
 * network at 36 channels and 20 layers, on ImageNet 48 channels, 14 layers and 1000 classes; no
 * auxiliary head, parameters / 1e6). A simulated trial has only the two objectives and its penalty.
 */
public record SearchMetrics(
    double regLoss,
    double criterionLoss,
    Double l1Loss,
    Double l2Loss,
    Double trainAcc,
    Double validAcc,
    Double modelSizeMb)
    implements Serializable {

  /** The last epoch's averages, the validation accuracy and the model size. */
  public static SearchMetrics of(Objective objective, SearchEpoch last, double modelSizeMb) {
    return new SearchMetrics(
        last.regLoss(objective),
        last.criterionLoss(),
        last.l1Loss(),
        last.l2Loss(),
        last.trainAcc(),
        last.validAcc(),
        modelSizeMb);
  }

  /** Only the objectives, as a simulated trial has them. */
  public static SearchMetrics objectives(
      Objective objective, double regLoss, double criterionLoss) {
    return new SearchMetrics(
        regLoss,
        criterionLoss,
        objective == Objective.L1 ? regLoss : null,
        objective == Objective.L2 ? regLoss : null,
        null,
        null,
        null);
  }
}
