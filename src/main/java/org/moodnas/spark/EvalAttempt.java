package org.moodnas.spark;

import java.io.Serializable;
import org.moodnas.train.EvalResult;

/**
 * An evaluation as its task returned it: the result, the memory model's prediction for the batch
 * used, how many trainings were started (out-of-memory retries included, over all of Spark's task
 * attempts) and the GPU memory measured after training (null off GPU).
 */
public record EvalAttempt(
    EvalResult result, Double predictedMemoryMb, int attempts, Double measuredGpuMb)
    implements Serializable {}
