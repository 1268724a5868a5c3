package org.moodnas.train;

import java.util.List;

/**
 * What one search trial returns: status (ok|failed) and error; the selected penalty (reg_loss),
 * both penalties, the criterion loss and the train accuracy averaged over the last epoch; the
 * validation accuracy after the last epoch; the genotype (canonical JSON) and its model size (MB,
 * DESIGN.md's convention); the per-epoch records.
 */
public record TrialResult(
    String objective,
    double regWeight,
    double criterionWeight,
    double weightDecay,
    String status,
    String error,
    Double regLoss,
    Double criterionLoss,
    Double l1Loss,
    Double l2Loss,
    Double trainAcc,
    Double validAcc,
    Double modelSizeMb,
    String genotype,
    String device,
    List<SearchEpoch> epochs,
    double durationS)
    implements java.io.Serializable {

  public boolean ok() {
    return "ok".equals(status);
  }

  /** The same result with {@code device} saying where it ran. */
  public TrialResult withDevice(String where) {
    return new TrialResult(
        objective,
        regWeight,
        criterionWeight,
        weightDecay,
        status,
        error,
        regLoss,
        criterionLoss,
        l1Loss,
        l2Loss,
        trainAcc,
        validAcc,
        modelSizeMb,
        genotype,
        where,
        epochs,
        durationS);
  }

  /** A trial that ended without a result: status failed, the reason, the epochs it finished. */
  public static TrialResult failed(
      String objective,
      double regWeight,
      double criterionWeight,
      double weightDecay,
      String error,
      String device,
      List<SearchEpoch> epochs,
      double durationS) {
    return new TrialResult(
        objective,
        regWeight,
        criterionWeight,
        weightDecay,
        "failed",
        error,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        device,
        epochs,
        durationS);
  }
}
