package org.moodnas.bench;

/**
 * A step benchmark's outcome: median milliseconds per step, images per second at that median, the
 * process's resident memory after the warm-up and at the end, and its peak (MB).
 */
public record BenchResult(
    String bench,
    int batchSize,
    int steps,
    double msPerStep,
    double imagesPerSec,
    double rssAfterWarmupMb,
    double rssEndMb,
    double peakRssMb) {}
