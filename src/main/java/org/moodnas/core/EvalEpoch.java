package org.moodnas.core;

import java.io.Serializable;

/**
 * One epoch of an evaluation: eval_epochs' columns (valid_* are null when the whole training set
 * trains; the top-5 accuracies are null unless the evaluation records them, as ImageNet's does;
 * skipped_images counts the unreadable image files the training met up to this epoch).
 */
public record EvalEpoch(
    int epoch,
    double lr,
    double trainLoss,
    double trainAcc,
    Double validLoss,
    Double validAcc,
    Double validTop5,
    double testLoss,
    double testAcc,
    Double testTop5,
    int skippedImages,
    double seconds)
    implements Serializable {}
