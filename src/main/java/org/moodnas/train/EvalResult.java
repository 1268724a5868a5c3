package org.moodnas.train;

import java.util.List;

/** What training one genotype from scratch returns (eval_trials' measured columns). */
public record EvalResult(
    String genotype,
    String status,
    String error,
    long params,
    double paramSizeMb,
    Double trainLoss,
    Double trainAcc,
    Double validLoss,
    Double validAcc,
    Double testLoss,
    Double testAcc,
    String checkpoint,
    String device,
    int batchSize,
    List<EvalEpoch> epochs,
    double durationS)
    implements java.io.Serializable {}
