package org.moodnas.data;

/** A batch ready for the device: normalized (and augmented) floats in NCHW order, and labels. */
public record Batch(float[] data, int[] labels, int count, int channels, int height, int width) {}
