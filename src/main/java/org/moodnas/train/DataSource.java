package org.moodnas.train;

import java.io.Serializable;

/**
 * Which images a training reads: a dataset id, its path (null: the standard place), a subsample.
 */
public record DataSource(String dataset, String path, double subsample) implements Serializable {}
