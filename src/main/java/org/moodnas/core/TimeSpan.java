package org.moodnas.core;

import java.time.Duration;
import java.time.Instant;

/** When something ran: from {@code start} to {@code end}. */
public record TimeSpan(Instant start, Instant end) {

  public TimeSpan {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a span ends before it starts: " + start + " > " + end);
    }
  }

  public double seconds() {
    return Duration.between(start, end).toNanos() / 1e9;
  }
}
