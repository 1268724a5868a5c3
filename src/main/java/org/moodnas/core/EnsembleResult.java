package org.moodnas.core;

/**
 * What an ensemble scored: the weights[member][class] it used, its members' total parameters, test
 * top-1 and top-5 accuracy and the members' mean test loss; the same three on the training part of
 * the training set read with the training transform (as ensemble.py reports them after the test
 * figures); and top-1 on the split the weights were calculated on (null for uniform weights).
 */
public record EnsembleResult(
    double[][] weights,
    long params,
    double testTop1,
    double testTop5,
    double testLoss,
    double trainTop1,
    double trainTop5,
    double trainLoss,
    Double heldOutTop1) {}
