package org.moodnas.core;

import java.io.Serializable;

/**
 * One epoch of an evaluation: eval_epochs' columns plus the test split's loss and accuracy (valid_*
 * are null when the whole training set trains).
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
    implements Serializable {}
