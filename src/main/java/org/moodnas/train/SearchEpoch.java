package org.moodnas.train;

/**
 * One epoch of a search trial, the columns of search_epochs: the learning rate, averages over the
 * epoch's weight steps (train_loss is the weighted total), the validation accuracy (after the last
 * epoch only, else null), the genotype the architecture selects at the end of the epoch and the
 * epoch's seconds.
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
    String genotype,
    double seconds)
    implements java.io.Serializable {}
