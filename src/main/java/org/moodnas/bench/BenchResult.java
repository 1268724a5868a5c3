package org.moodnas.bench;

/**
 * A step benchmark's outcome: the CPU threads it ran on and the native allocator, the batch, how
 * many values the step trains (to check a reference trains the same network), median milliseconds
 * per step, images per second at that median, the process's resident memory after the warm-up and
 * at the end, and its peak (MB).
 */
public record BenchResult(
    String bench,
    int threads,
    String allocator,
    int batchSize,
    long trainedParams,
    int steps,
    double msPerStep,
    double imagesPerSec,
    double rssAfterWarmupMb,
    double rssEndMb,
    double peakRssMb) {}
