package org.moodnas.spark;

import java.io.Serializable;
import org.moodnas.train.TrialResult;

/** A trial's result as its task returned it, with Spark's attempt number (1 = first). */
public record TrialAttempt(TrialResult result, int attempt) implements Serializable {}
