package org.moodnas.train;

import org.moodnas.data.ImageSet;

/** An evaluation's data: train, an optional validation split (null when none) and test. */
public record EvalData(ImageSet train, ImageSet valid, ImageSet test, DataFeed feed) {}
