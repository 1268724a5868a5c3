package org.moodnas.core;

/**
 * What an ensemble scored: the weights[member][class] it used, its members' total parameters, test
 * top-1 and top-5 accuracy, the members' mean test loss, and top-1 on the held-out part of the
 * training set when the weights were calculated there (else null).
 */
public record EnsembleResult(
    double[][] weights,
    long params,
    double testTop1,
    double testTop5,
    double testLoss,
    Double heldOutTop1) {}
