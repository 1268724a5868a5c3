package org.moodnas.testing;

import java.util.List;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.SearchEpoch;

/** Epoch records with their seconds set to 0: what two trainings must agree on. */
public final class Untimed {

  private Untimed() {}

  public static SearchEpoch search(SearchEpoch e) {
    return new SearchEpoch(
        e.epoch(),
        e.lr(),
        e.trainLoss(),
        e.trainAcc(),
        e.criterionLoss(),
        e.l1Loss(),
        e.l2Loss(),
        e.lastCriterionLoss(),
        e.lastL1Loss(),
        e.lastL2Loss(),
        e.validAcc(),
        e.genotype(),
        e.skippedImages(),
        0);
  }

  public static EvalEpoch eval(EvalEpoch e) {
    return new EvalEpoch(
        e.epoch(),
        e.lr(),
        e.trainLoss(),
        e.trainAcc(),
        e.validLoss(),
        e.validAcc(),
        e.validTop5(),
        e.testLoss(),
        e.testAcc(),
        e.testTop5(),
        e.skippedImages(),
        0);
  }

  public static List<SearchEpoch> searchEpochs(List<SearchEpoch> epochs) {
    return epochs.stream().map(Untimed::search).toList();
  }

  public static List<EvalEpoch> evalEpochs(List<EvalEpoch> epochs) {
    return epochs.stream().map(Untimed::eval).toList();
  }
}
