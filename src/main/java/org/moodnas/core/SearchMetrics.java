package org.moodnas.core;

import java.io.Serializable;

/**
 * What a successful search trial measured. The trial's two objectives, which the weight estimator
 * is given: the penalty ν multiplied (reg_loss) and the cross-entropy (criterion_loss), both of the
 * last weight step of the last epoch, as train_search.py's train() returns them; beside them their
 * averages over the last epoch. Both penalties (last step), the train accuracy averaged over the
 * last epoch, the validation accuracy of the last epoch, the model size of the genotype found (MB:
 * evaluation network at 36 channels and 20 layers, on ImageNet 48 channels, 14 layers and 1000
 * classes; no auxiliary head, parameters / 1e6) and the supernet's parameter count (α and β
 * excluded). A simulated trial has only the two objectives and its penalty.
 */
public record SearchMetrics(
    double regLoss,
    double criterionLoss,
    Double regLossEpochMean,
    Double criterionLossEpochMean,
    Double l1Loss,
    Double l2Loss,
    Double trainAcc,
    Double validAcc,
    Double modelSizeMb,
    Long supernetParams)
    implements Serializable {

  /** The last epoch's figures, the model size and the supernet's parameter count. */
  public static SearchMetrics of(
      Objective objective, SearchEpoch last, double modelSizeMb, long supernetParams) {
    return new SearchMetrics(
        last.lastRegLoss(objective),
        last.lastCriterionLoss(),
        last.regLoss(objective),
        last.criterionLoss(),
        last.lastL1Loss(),
        last.lastL2Loss(),
        last.trainAcc(),
        last.validAcc(),
        modelSizeMb,
        supernetParams);
  }

  /** Only the objectives, as a simulated trial has them. */
  public static SearchMetrics objectives(
      Objective objective, double regLoss, double criterionLoss) {
    return new SearchMetrics(
        regLoss,
        criterionLoss,
        null,
        null,
        objective == Objective.L1 ? regLoss : null,
        objective == Objective.L2 ? regLoss : null,
        null,
        null,
        null,
        null);
  }
}
