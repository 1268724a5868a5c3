package org.moodnas.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The tiny training step the step-benchmark tests run (`mood-nas bench …`, jobs/bench-reference):
 * one thread, one timed step without warm-up, a 5-cell 8-channel network, batches of 4.
 */
public final class TinyStep {

  private TinyStep() {}

  private static final List<String> OPTIONS =
      List.of(
          "--threads",
          "1",
          "--steps",
          "1",
          "--warmup",
          "0",
          "--layers",
          "5",
          "--init-channels",
          "8",
          "--batch-size",
          "4");

  /** {@code first}, then the tiny step's options. */
  public static String[] args(String... first) {
    List<String> args = new ArrayList<>(List.of(first));
    args.addAll(OPTIONS);
    return args.toArray(String[]::new);
  }
}
