package org.moodnas.train;

/**
 * One epoch of an evaluation: eval_epochs' columns plus the test split's loss and accuracy (valid_*
 * are null when --train-portion is 1).
 */
public record EvalEpoch(
    int epoch,
    double lr,
    double trainLoss,
    double trainAcc,
    Double validLoss,
    Double validAcc,
    double testLoss,
    double testAcc,
    double seconds)
    implements java.io.Serializable {}
