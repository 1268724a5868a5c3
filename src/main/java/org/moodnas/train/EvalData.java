package org.moodnas.train;

import org.moodnas.data.ImageSet;
import org.moodnas.nn.eval.NetworkSpec;

/**
 * An evaluation's data: train, an optional validation split (null when none), test, how batches are
 * made, and the network family the images call for (CIFAR stem, or ImageNet's at 224).
 */
public record EvalData(
    ImageSet train, ImageSet valid, ImageSet test, DataFeed feed, NetworkSpec.Kind networkKind) {}
