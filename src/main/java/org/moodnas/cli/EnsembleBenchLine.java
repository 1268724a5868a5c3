package org.moodnas.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One console line of {@code bench ensemble}: both paths at one ensemble size. */
final class EnsembleBenchLine {

  private EnsembleBenchLine() {}

  @SuppressWarnings("unchecked")
  static String of(Map<String, Object> r) {
    StringBuilder b = new StringBuilder("N = " + r.get("members") + ":");
    for (String k : List.of("frames", "driver")) {
      Map<String, Object> f = (Map<String, Object>) r.get(k);
      if (f == null) {
        continue;
      }
      if (f.containsKey("out_of_memory")) {
        b.append(
            String.format(
                " %s out of memory after %.1f s (driver heap max %.0f MB);",
                k, f.get("wall_s"), f.get("heap_max_mb")));
        continue;
      }
      b.append(
          String.format(
              " %s %.1f s, driver heap peak %.0f MB, live after GC ≤ %.0f MB,%s top-1 %.4f;",
              k,
              f.get("wall_s"),
              f.get("heap_peak_mb"),
              f.get("heap_after_gc_max_mb"),
              executors((Map<String, Map<String, Double>>) f.get("executors")),
              f.get("top1")));
    }
    return b.toString();
  }

  /** " executors' heap peak 612 + 598 MB (RSS 901 + 880 MB)," or "" when none reported. */
  private static String executors(Map<String, Map<String, Double>> byId) {
    if (byId.isEmpty()) {
      return "";
    }
    String heap = sum(byId, "heap_peak_mb");
    String rss = sum(byId, "rss_peak_mb");
    return " executors' heap peak "
        + heap
        + " MB"
        + (byId.values().stream().allMatch(e -> e.get("rss_peak_mb") == 0)
            ? ""
            : " (RSS " + rss + " MB)")
        + ",";
  }

  private static String sum(Map<String, Map<String, Double>> byId, String key) {
    return byId.values().stream()
        .map(e -> String.format("%.0f", e.get(key)))
        .collect(Collectors.joining(" + "));
  }
}
