package org.moodnas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodnas.core.TimeSpan;

class OverlapTest {

  private static TimeSpan span(double from, double to) {
    return new TimeSpan(
        Instant.ofEpochMilli((long) (from * 1000)), Instant.ofEpochMilli((long) (to * 1000)));
  }

  @Test
  void oneAtATimeNeverOverlaps() {
    // back to back, then after a pause: an end and a start at the same instant do not overlap
    Overlap o = Overlap.of(List.of(span(0, 10), span(10, 20), span(25, 30)));
    assertThat(o).isEqualTo(new Overlap(30, 25, 0, 1));
  }

  @Test
  void countsTheTimeTwoOrMoreRanAtOnce() {
    // 0–10 and 4–12 overlap 6 s; 6–8 makes three at once; 15–16 runs alone
    Overlap o = Overlap.of(List.of(span(4, 12), span(0, 10), span(6, 8), span(15, 16)));
    assertThat(o).isEqualTo(new Overlap(16, 13, 6, 3));
  }

  @Test
  void noSpansNoTime() {
    assertThat(Overlap.of(List.of())).isEqualTo(new Overlap(0, 0, 0, 0));
  }
}
