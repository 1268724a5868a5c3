package org.moodnas.core;

import java.io.Serializable;
import org.moodnas.space.Genotype;

/**
 * One epoch of a search trial, the columns of search_epochs: the learning rate, averages over the
 * epoch's weight steps (train_loss is the weighted total), the validation accuracy (after the last
 * epoch only, else null), the genotype the architecture selects at the end of the epoch, the
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
    Double validAcc,
    Genotype genotype,
    int skippedImages,
    double seconds)
    implements Serializable {

  /** The penalty ν multiplied in this trial. */
  public double regLoss(Objective objective) {
    return objective == Objective.L1 ? l1Loss : l2Loss;
  }
}
