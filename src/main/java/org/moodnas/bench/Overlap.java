package org.moodnas.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.moodnas.core.TimeSpan;

/**
 * How a set of trials shared time: the wall time from the first start to the last end, the time at
 * least one ran, the time two or more ran at once, and the most that ran at once.
 */
public record Overlap(double wallSeconds, double busySeconds, double overlapSeconds, int most) {

  /** The overlap of {@code spans} (none: all zero). */
  public static Overlap of(List<TimeSpan> spans) {
    if (spans.isEmpty()) {
      return new Overlap(0, 0, 0, 0);
    }
    // A sweep over the starts (+1) and ends (-1); ends first at equal instants, so back-to-back
    // trials do not count as overlapping.
    List<Map.Entry<Instant, Integer>> events = new ArrayList<>();
    for (TimeSpan s : spans) {
      events.add(Map.entry(s.start(), 1));
      events.add(Map.entry(s.end(), -1));
    }
    events.sort(
        Comparator.comparing(Map.Entry<Instant, Integer>::getKey)
            .thenComparing(Map.Entry::getValue));
    double busy = 0;
    double overlap = 0;
    int running = 0;
    int most = 0;
    Instant last = events.get(0).getKey();
    for (Map.Entry<Instant, Integer> e : events) {
      double dt = (e.getKey().toEpochMilli() - last.toEpochMilli()) / 1e3;
      busy += running >= 1 ? dt : 0;
      overlap += running >= 2 ? dt : 0;
      running += e.getValue();
      most = Math.max(most, running);
      last = e.getKey();
    }
    double wall = new TimeSpan(events.get(0).getKey(), last).seconds();
    return new Overlap(wall, busy, overlap, most);
  }
}
