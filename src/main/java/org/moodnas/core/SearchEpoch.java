package org.moodnas.core;

import java.io.Serializable;
import org.moodnas.space.Genotype;

/**
 * One epoch of a search trial, the columns of search_epochs: the learning rate, averages over the
 * epoch's weight steps (train_loss is the weighted total), the cross-entropy and penalties of its
 * last weight step (what train_search.py's train() returns), the validation accuracy (null on
 * epochs that do not validate), the genotype the architecture selects at the end of the epoch, the
 * unreadable image files the trial met up to this epoch and the epoch's seconds.
 */
public record SearchEpoch(
    int epoch,
    double lr,
    double trainLoss,
    double trainAcc,
    double criterionLoss,
    double l1Loss,
    double l2Loss,
    double lastCriterionLoss,
    double lastL1Loss,
    double lastL2Loss,
    Double validAcc,
    Genotype genotype,
    int skippedImages,
    double seconds)
    implements Serializable {

  /** The penalty ν multiplied in this trial, averaged over the epoch. */
  public double regLoss(Objective objective) {
    return objective == Objective.L1 ? l1Loss : l2Loss;
  }

  /** The penalty ν multiplied in this trial, at the epoch's last weight step. */
  public double lastRegLoss(Objective objective) {
    return objective == Objective.L1 ? lastL1Loss : lastL2Loss;
  }
}
