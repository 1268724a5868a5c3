package org.moodnas.core;

import java.io.Serializable;
import org.moodnas.space.Genotype;

/**
 * A genotype to train: its name, and the search run and ν it came from (null for registry names).
 */
public record EvalCandidate(String arch, Genotype genotype, String sourceRunId, Double regWeight)
    implements Serializable {}
